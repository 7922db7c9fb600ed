import { getDomain } from 'tldts';
import { FeedParseError } from './feed-parse.error';
import type { ListingRule } from './feed.types';
import { type HtmlDocument, type HtmlElement, documentBaseUrl, parseHtmlDocument } from './html-document';
import { compileLinkPattern, type LinkMatcher } from './link-pattern';
import { resolveHttpUrl } from './url-resolve';

const MAX_LINKS = 200;
const MAX_URL_LENGTH = 2048;

/** Path segments of navigation, not articles (English and Vietnamese site conventions). */
const NAVIGATION_SEGMENTS = new Set(
  [
    'tag tags category categories topic author search login register page contact about rss feed',
    'chuyen-muc chu-de tac-gia tim-kiem dang-nhap dang-ky trang lien-he gioi-thieu',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Article links on a listing page (a section front of a site without a feed): absolute http(s),
 * fragment removed, deduplicated, in document order, at most 200, on the page's own registrable
 * domain unless the rule allows others. The rule's CSS selector picks the links (or elements
 * containing them) and its regular expression (RE2 syntax, see `compileLinkPattern`) filters their
 * absolute URLs; with neither, links are kept when their path looks like an article (see `looksLikeArticle`).
 *
 * @throws FeedParseError when the rule's pattern or selector is invalid
 */
export function extractListingLinks(html: string, pageUrl: string, rule: ListingRule = {}): string[] {
  const pattern = compilePattern(rule.linkPattern);
  const document = parseHtmlDocument(html);
  const base = documentBaseUrl(document, pageUrl);
  const site = siteOf(pageUrl);
  const page = withoutFragment(pageUrl);
  const links: string[] = [];
  const seen = new Set<string>();
  for (const anchor of anchorsFor(document, rule.linkSelector)) {
    const resolved = resolveHttpUrl(anchor.getAttribute('href'), base);
    if (!resolved || resolved.length > MAX_URL_LENGTH) continue;
    const url = withoutFragment(resolved);
    if (url === page || seen.has(url)) continue;
    if (!rule.allowOtherDomains && siteOf(url) !== site) continue;
    if (pattern ? !pattern.test(url) : !rule.linkSelector && !looksLikeArticle(url)) continue;
    seen.add(url);
    links.push(url);
    if (links.length === MAX_LINKS) break;
  }
  return links;
}

/**
 * A path that reads like one article rather than a section: a page ending .html/.htm/.shtml,
 * a long slug (four words or more), or a numeric id of five digits or more.
 */
export function looksLikeArticle(url: string): boolean {
  const { pathname, search } = new URL(url);
  const segments = pathname.split('/').filter(Boolean);
  const last = segments.at(-1);
  if (!last || segments.some((segment) => NAVIGATION_SEGMENTS.has(segment.toLowerCase()))) return false;
  if (/^index\.s?html?$/i.test(last)) return false;
  if (/\.s?html?$/i.test(last)) return true;
  if (last.split('-').filter(Boolean).length >= 4) return true;
  return /\d{5,}/.test(last) || /[?&](?:id|p|newsid|article_?id)=\d+/i.test(search);
}

function anchorsFor(document: HtmlDocument, selector: string | undefined): HtmlElement[] {
  if (!selector) return Array.from(document.querySelectorAll('a[href]'));
  let selected: HtmlElement[];
  try {
    selected = Array.from(document.querySelectorAll(selector));
  } catch (error) {
    throw new FeedParseError(`Invalid listing rule: CSS selector "${selector}" (${(error as Error).message})`, {
      failureCode: 'listing_selector_invalid',
    });
  }
  return selected.flatMap((element) =>
    element.tagName.toLowerCase() === 'a' && element.hasAttribute('href')
      ? [element]
      : Array.from(element.querySelectorAll('a[href]')),
  );
}

/** A pattern stored before RE2 (or otherwise unsupported) fails the collection with a reason on the source's health. */
function compilePattern(pattern: string | undefined): LinkMatcher | null {
  if (!pattern) return null;
  try {
    return compileLinkPattern(pattern);
  } catch (error) {
    throw new FeedParseError(`Invalid listing rule: link pattern (${(error as Error).message})`, { failureCode: 'listing_pattern_invalid' });
  }
}

/** Registrable domain ("bao.gov.vn" for "sub.bao.gov.vn"); the host itself for IPs and localhost. */
function siteOf(url: string): string {
  const { hostname } = new URL(url);
  return getDomain(hostname) ?? hostname;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
