import { absoluteHttpUrl } from './content-html';
import { visibleText } from './dom-text';
import { findJsonLdArticle, type JsonLdArticle } from './json-ld';
import { parsePublishedDate } from './published-date';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  /** Author names as separate strings, to recognise a byline line inside the text. */
  authorNames: string[];
  publishedAt: Date | null;
  updatedAt: Date | null;
  siteName: string | null;
  /** rel=canonical first, then og:url, both absolute. */
  canonicalCandidates: string[];
  imageUrls: string[];
  /** `<html lang>` (or content-language, og:locale) reduced to vi/en. */
  declaredLanguage: 'vi' | 'en' | null;
  jsonLd: JsonLdArticle | null;
}

const PUBLISHED_META = ['article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'dc.date.issued', 'dc.date', 'date'];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dc.date.modified'];

/**
 * Everything about the page except its text, read before Readability mutates the document.
 * Structured data wins over markup meant for social cards, which wins over visible markup:
 * JSON-LD NewsArticle → OpenGraph/article:* and `<meta>` → `<time datetime>` and datelines.
 */
export function readPageMetadata(document: Document, jsonLdBlocks: readonly string[], baseUrl: string, timeZone: string): PageMetadata {
  const jsonLd = findJsonLdArticle(jsonLdBlocks);
  const meta = metaValues(document);
  const first = (names: readonly string[]): string | null => names.map((name) => meta.get(name)).find(Boolean) ?? null;
  const absolute = (value: string | null | undefined): string | null => absoluteHttpUrl(value ?? undefined, baseUrl);

  const siteName = first(['og:site_name', 'application-name']) ?? jsonLd?.publisherName ?? null;
  const metaAuthor = first(['author', 'article:author', 'dc.creator']);
  const authorNames = jsonLd?.authorNames.length ? jsonLd.authorNames : metaAuthor && !isUrl(metaAuthor) && metaAuthor !== siteName ? [metaAuthor] : [];
  const bylineElement = document.querySelector('[rel="author"], [itemprop="author"], .byline, .author');
  const visibleByline = bylineElement && visibleText(bylineElement).length <= 100 ? visibleText(bylineElement) : null; // not an author bio box

  return {
    title: jsonLd?.headline ?? first(['og:title', 'twitter:title']) ?? null,
    byline: authorNames.length > 0 ? authorNames.join(', ') : visibleByline || null,
    authorNames,
    publishedAt:
      parsePublishedDate(jsonLd?.datePublished, timeZone) ??
      parsePublishedDate(first(PUBLISHED_META), timeZone) ??
      parsePublishedDate(timeAttribute(document, 'datePublished'), timeZone) ??
      parsePublishedDate(document.querySelector('time[datetime]')?.getAttribute('datetime'), timeZone) ??
      parsePublishedDate(datelineText(document), timeZone),
    updatedAt:
      parsePublishedDate(jsonLd?.dateModified, timeZone) ??
      parsePublishedDate(first(MODIFIED_META), timeZone) ??
      parsePublishedDate(timeAttribute(document, 'dateModified'), timeZone),
    siteName,
    canonicalCandidates: [absolute(document.querySelector('link[rel~="canonical"]')?.getAttribute('href')), absolute(meta.get('og:url'))].filter(
      (url): url is string => url !== null,
    ),
    imageUrls: unique(
      [...(jsonLd?.imageUrls ?? []), meta.get('og:image'), meta.get('og:image:url'), meta.get('twitter:image')].map(absolute),
    ),
    declaredLanguage: languageOf(document.documentElement.getAttribute('lang') ?? first(['content-language', 'og:locale'])),
    jsonLd,
  };
}

/** The `<title>`, minus a " - Site name" suffix when what remains still reads as a headline (three words or more). */
export function documentTitle(document: Document): string | null {
  const title = visibleText(document.querySelector('title') ?? document.createElement('title'));
  if (!title) return null;
  const match = /^(.*\S)\s+[|\-–—:»]\s+[^|\-–—:»]+$/u.exec(title);
  return match && match[1].split(/\s+/).length >= 3 ? match[1] : title;
}

/** `<meta name|property|itemprop|http-equiv>` values by lower-cased key; the first occurrence wins. */
function metaValues(document: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !values.has(key)) values.set(key, content);
    }
  }
  return values;
}

function timeAttribute(document: Document, itemprop: string): string | null {
  const element = document.querySelector(`[itemprop="${itemprop}"]`);
  return element?.getAttribute('datetime') ?? element?.getAttribute('content') ?? null;
}

/**
 * Text of an element named like a dateline ("date", "time", "publish") for sites without metadata,
 * preferring one after the headline: many Vietnamese sites print today's date in their top bar.
 */
function datelineText(document: Document): string | null {
  let afterHeadline: string | null = null;
  let beforeHeadline: string | null = null;
  let seenHeadline = false;
  for (const element of document.querySelectorAll('h1, [class]')) {
    if (element.localName === 'h1') seenHeadline = true;
    if (!DATELINE_CLASS.test(element.getAttribute('class') ?? '')) continue;
    const text = visibleText(element);
    if (text.length === 0 || text.length > 100) continue;
    if (seenHeadline) {
      afterHeadline = text;
      break;
    }
    beforeHeadline ??= text;
  }
  return afterHeadline ?? beforeHeadline;
}

const DATELINE_CLASS = /(?:^|[-_\s])(?:date|time|publish(?:ed)?|ngay-?dang)(?:$|[-_\s])/i;

function languageOf(tag: string | null | undefined): 'vi' | 'en' | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'vi' ? 'vi' : primary === 'en' ? 'en' : null;
}

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
