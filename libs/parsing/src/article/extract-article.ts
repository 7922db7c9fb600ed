import { Readability } from '@mozilla/readability';
import { detectArticleLanguage } from './article-language';
import { removeBoilerplate } from './boilerplate-cleaner';
import { canonicalCandidate, canonicalizeUrl } from './canonical-url';
import { absoluteHttpUrl, contentImageUrls, paragraphizeLeafDivs, sanitizeContentHtml } from './content-html';
import { bodyFromJsonLd, findDeclaredBody, findLargestTextBlock, findMainArticleElement, paragraphTextLength } from './content-candidates';
import { blockText, parseDocument } from './dom-text';
import { prefilterHtml } from './html-prefilter';
import { findLiveBlog } from './live-blog';
import { documentTitle, readPageMetadata, type PageMetadata } from './page-metadata';
import { DEFAULT_TIME_ZONE } from './published-date';
import { TextIndex } from './text-index';

export interface ExtractedArticle {
  title: string | null;
  /** As the publisher gives it (JSON-LD or meta author names joined with ", ", else the visible byline). */
  byline: string | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  /** Plain text, paragraphs separated by a blank line. */
  text: string;
  /** The same content as sanitised HTML (see sanitizeContentHtml). */
  contentHtml: string;
  canonicalUrl: string;
  imageUrls: string[];
  language: 'vi' | 'en' | null;
  siteName: string | null;
}

export interface ExtractOptions {
  /** IANA zone for times published without one (default Asia/Ho_Chi_Minh); an unknown zone throws a RangeError. */
  defaultTimeZone?: string;
}

// Readability's own "this is an article" threshold; below it, its answer is a guess worth checking.
const READABILITY_CHAR_THRESHOLD = 500;
// Bounds Readability's repeated passes over the DOM; a bigger page falls back to the marked body.
const MAX_ELEMENTS_TO_PARSE = 20_000;

/**
 * The main article of a news page. Pure (no I/O): the caller fetched `html` from `pageUrl`, which
 * resolves relative links and is the canonical URL unless the page declares an acceptable one.
 *
 * Readability finds the body; around it this cleans what Readability leaves in (share bars, related
 * lists, captions and credits, cookie and newsletter boxes, datelines, byline lines) and recovers what it
 * drops: every entry of a live blog, and short articles under its threshold (from `itemprop=articleBody`,
 * the main `<article>`, JSON-LD `articleBody` or the largest block of paragraphs).
 */
export function extractArticle(html: string, pageUrl: string, options: ExtractOptions = {}): ExtractedArticle {
  const timeZone = options.defaultTimeZone ?? DEFAULT_TIME_ZONE;
  // A misspelt zone would silently null every naive time; it is a source configuration error.
  new Intl.DateTimeFormat('en', { timeZone }); // throws RangeError on an unknown zone
  const { html: prefiltered, jsonLd } = prefilterHtml(html);
  const document = parseDocument(prefiltered);
  const baseUrl = setBaseUrl(document, pageUrl);
  const metadata = readPageMetadata(document, jsonLd, baseUrl, timeZone);

  // One index of the page's text serves the candidates and the cleaning, until Readability rewrites the page.
  const pageText = new TextIndex();
  const declaredBody = findDeclaredBody(document, pageText);
  const mainArticle = findMainArticleElement(document, pageText);
  removeBoilerplate(document.body, { mode: 'page', protect: declaredBody ?? mainArticle, text: pageText });
  const title = metadata.title ?? documentTitle(document);
  const live = findLiveBlog(document, metadata.jsonLd?.isLiveBlog ?? false, title);
  // Readability rewrites the document it reads, so the fallbacks are copied out first.
  const fallback = pickFallback(declaredBody, mainArticle, findLargestTextBlock(document, pageText), pageText);
  const fallbackCopy = (fallback?.cloneNode(true) as Element | undefined) ?? null;
  const readable = runReadability(document);

  const contentText = new TextIndex();
  const content = chooseContent({
    text: contentText,
    live,
    readable: readable?.content ?? null,
    fallback: fallbackCopy,
    jsonLdBody: metadata.jsonLd?.articleBody ?? null,
    document,
  });
  removeBoilerplate(content, {
    mode: 'content',
    title: title ?? readable?.title ?? null,
    bylineNames: metadata.authorNames,
    keepTimestamps: content === live,
    text: contentText,
  });

  const text = blockText(content);
  paragraphizeLeafDivs(content);
  const finalTitle = title ?? nonEmpty(readable?.title);
  return {
    title: finalTitle,
    byline: metadata.byline ?? nonEmpty(readable?.byline),
    publishedAt: metadata.publishedAt,
    updatedAt: metadata.updatedAt,
    text,
    contentHtml: sanitizeContentHtml(content.innerHTML, baseUrl),
    canonicalUrl: pickCanonicalUrl(pageUrl, metadata),
    imageUrls: [...new Set([...metadata.imageUrls, ...contentImageUrls(content, baseUrl)])],
    language: detectArticleLanguage(text, finalTitle, metadata.declaredLanguage),
    siteName: metadata.siteName ?? nonEmpty(readable?.siteName),
  };
}

/**
 * The body to use when Readability is unsure: the declared itemprop=articleBody, else the main
 * `<article>` unless a block elsewhere holds over twice its text (a page whose only `<article>`s are
 * teaser cards), else the largest block of paragraphs.
 */
function pickFallback(declared: Element | null, article: Element | null, largest: Element | null, text: TextIndex): Element | null {
  if (declared) return declared;
  if (article && (!largest || article.contains(largest) || paragraphTextLength(article, text) * 2 >= paragraphTextLength(largest, text))) return article;
  return largest;
}

interface ContentChoice {
  text: TextIndex;
  live: Element | null;
  readable: Element | null;
  fallback: Element | null;
  jsonLdBody: string | null;
  document: Document;
}

function chooseContent({ text, live, readable, fallback, jsonLdBody, document }: ContentChoice): Element {
  if (live) return live;
  const readableLength = readable ? text.length(readable) : 0;
  const chosen = readableLength >= READABILITY_CHAR_THRESHOLD ? readable : (fallback ?? readable);
  // A page rendered by scripts, or a teaser in the DOM with the full story in its structured data.
  if (jsonLdBody && jsonLdBody.length > 1.5 * (chosen ? text.length(chosen) : 0)) return bodyFromJsonLd(document, jsonLdBody);
  return chosen ?? document.createElement('div');
}

function runReadability(document: Document): { content: Element | null; title: string | null; byline: string | null; siteName: string | null } | null {
  // Readability's own check counts with getElementsByTagName('*'), which linkedom answers with no elements.
  if (document.querySelectorAll('*').length > MAX_ELEMENTS_TO_PARSE) return null;
  try {
    const result = new Readability<Element>(document, {
      maxElemsToParse: MAX_ELEMENTS_TO_PARSE,
      disableJSONLD: true, // read already, from the scripts the prefilter set aside
      serializer: (node) => node as Element,
    }).parse();
    if (!result) return null;
    return { content: result.content ?? null, title: result.title ?? null, byline: result.byline ?? null, siteName: result.siteName ?? null };
  } catch {
    // Readability throws on documents over maxElemsToParse; the marked body or largest block stands in.
    return null;
  }
}

/** Resolves `<base href>` against the page URL and sets it, so Readability absolutises links the same way. */
function setBaseUrl(document: Document, pageUrl: string): string {
  const declared = document.querySelector('base[href]');
  const baseUrl = absoluteHttpUrl(declared?.getAttribute('href') ?? undefined, pageUrl) ?? new URL(pageUrl).href;
  const base = declared ?? document.createElement('base');
  base.setAttribute('href', baseUrl);
  if (!declared) document.head?.prepend(base);
  return baseUrl;
}

function pickCanonicalUrl(pageUrl: string, metadata: PageMetadata): string {
  for (const candidate of metadata.canonicalCandidates) {
    const accepted = canonicalCandidate(pageUrl, candidate);
    if (accepted) return accepted;
  }
  return canonicalizeUrl(pageUrl);
}

function nonEmpty(value: string | null | undefined): string | null {
  return value?.trim() ? value.trim() : null;
}
