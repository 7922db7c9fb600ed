import { getDomain } from 'tldts';
import { FeedParseError } from './feed-parse.error';
import type { ListingRule } from './feed.types';
import { type HtmlDocument, type HtmlElement, documentBaseUrl, parseHtmlDocument } from './html-document';
import { compileLinkPattern, type LinkMatcher } from './link-pattern';
import { resolveHttpUrl } from './url-resolve';

const MAX_LINKS = 200;
const MAX_URL_LENGTH = 2048;

/** Path segments of navigation, not articles (English and Vietnamese site conventions), compared without extension. */
const NAVIGATION_SEGMENTS = new Set(
  [
    'tag tags category categories topic topics author authors search login logout signin sign-in signup sign-up register',
    'account page contact contact-us about about-us rss feed sitemap privacy terms advertise careers',
    'chuyen-muc danh-muc chu-de tac-gia tim-kiem dang-nhap dang-xuat dang-ky tai-khoan trang lien-he gioi-thieu',
    'quang-cao lien-he-quang-cao tuyen-dung dieu-khoan chinh-sach chinh-sach-bao-mat so-do-trang',
  ]
    .join(' ')
    .split(' '),
);
/** A last segment naming a site's own pages: "/lien-he-toa-soan.html", "/gioi-thieu-chung", "/about-the-paper". */
const SITE_PAGE = /^(?:lien-he|gioi-thieu|dang-nhap|dang-ky|contact|about|login|register)(?:-|$)/;
/** Site furniture: its links are the same on every page and never the listing's articles. */
const CHROME = 'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';
/** Where a page's own content is, when it says so. */
const CONTENT = 'main, article, [role="main"]';

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
  const accepts = (url: string): boolean => {
    if (url === page) return false;
    if (!rule.allowOtherDomains && siteOf(url) !== site) return false;
    if (pattern) return pattern.test(url);
    // A selector picks the links itself, but a site's contact or login page is never an article.
    return rule.linkSelector ? !isNavigationPath(url) : looksLikeArticle(url);
  };
  const links = (anchors: HtmlElement[]): string[] => {
    const found: string[] = [];
    const seen = new Set<string>();
    for (const anchor of anchors) {
      const resolved = resolveHttpUrl(anchor.getAttribute('href'), base);
      if (!resolved || resolved.length > MAX_URL_LENGTH) continue;
      const url = withoutFragment(resolved);
      if (seen.has(url) || !accepts(url)) continue;
      seen.add(url);
      found.push(url);
      if (found.length === MAX_LINKS) break;
    }
    return found;
  };
  if (rule.linkSelector) return links(anchorsFor(document, rule.linkSelector));
  // Without a selector: never the furniture (menus, header, footer, sidebars), and the page's marked content
  // (main, article) alone when it holds any article link.
  const anchors = Array.from(document.querySelectorAll('a[href]')).filter((anchor) => !anchor.closest(CHROME));
  const inContent = links(anchors.filter((anchor) => anchor.closest(CONTENT)));
  return inContent.length > 0 ? inContent : links(anchors);
}

/** A path with a navigation segment (tag, category, search, contact, login…): a site's own page, not an article. */
export function isNavigationPath(url: string): boolean {
  const segments = new URL(url).pathname.split('/').filter(Boolean).map((segment) => segment.toLowerCase().replace(/\.[a-z0-9]+$/, ''));
  const last = segments.at(-1);
  return segments.some((segment) => NAVIGATION_SEGMENTS.has(segment)) || (last !== undefined && SITE_PAGE.test(last));
}

/**
 * A path that reads like one article rather than a section: a page ending .html/.htm/.shtml,
 * a long slug (four words or more), or a numeric id of five digits or more.
 */
export function looksLikeArticle(url: string): boolean {
  const { pathname, search } = new URL(url);
  const segments = pathname.split('/').filter(Boolean);
  const last = segments.at(-1);
  if (!last || isNavigationPath(url)) return false;
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
