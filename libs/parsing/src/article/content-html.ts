import sanitizeHtml from 'sanitize-html';
import { isLeafBlock } from './dom-text';

const ALLOWED_TAGS = [
  'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u',
  's', 'sub', 'sup', 'small', 'a', 'img', 'figure', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'time', 'hr', 'dl', 'dt', 'dd',
];
const LAZY_SOURCES = ['data-src', 'data-original', 'data-lazy-src', 'data-url'];

/**
 * Article HTML safe to render in the console: an allowlist of text tags, no scripts, styles, frames,
 * event handlers or classes; links and images absolute http(s) against the page (anything else loses
 * its URL and an image without one is dropped); links open without a referrer and pass no ranking.
 */
export function sanitizeContentHtml(html: string, baseUrl: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title', 'width', 'height'], time: ['datetime'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https'],
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'svg', 'template'],
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = absoluteHttpUrl(attribs.href, baseUrl);
        const kept: Record<string, string> = href ? { href, rel: 'nofollow noopener noreferrer' } : {};
        if (attribs.title) kept.title = attribs.title;
        return { tagName, attribs: kept };
      },
      img: (tagName, attribs) => {
        const src = imageSource(attribs, baseUrl);
        const kept: Record<string, string> = src ? { ...attribs, src } : { alt: attribs.alt ?? '' };
        if (!src) delete kept.src;
        return { tagName, attribs: kept };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  }).trim();
}

/**
 * Turns divs used as paragraphs into `<p>` (in place), so that paragraphs survive sanitising, which
 * unwraps `<div>` and would otherwise run them together.
 */
export function paragraphizeLeafDivs(root: Element): void {
  for (const div of [...root.querySelectorAll('div')].reverse()) {
    if (!isLeafBlock(div)) continue;
    const paragraph = div.ownerDocument.createElement('p');
    while (div.firstChild) paragraph.append(div.firstChild);
    div.replaceWith(paragraph);
  }
}

/** Absolute http(s) URLs of an element's images (lazy-loading attributes understood), in order, once each. */
export function contentImageUrls(root: Element, baseUrl: string): string[] {
  const urls = [...root.querySelectorAll('img')].map((image) =>
    imageSource(Object.fromEntries([...image.attributes].map((attribute) => [attribute.name, attribute.value])), baseUrl),
  );
  return [...new Set(urls.filter((url): url is string => url !== null))];
}

/** The real image of a lazy-loaded `<img>` (its src is a data: placeholder until a script swaps it in). */
function imageSource(attribs: Record<string, string | undefined>, baseUrl: string): string | null {
  const candidates = [attribs.src, ...LAZY_SOURCES.map((name) => attribs[name])];
  for (const candidate of candidates) {
    const url = absoluteHttpUrl(candidate, baseUrl);
    if (url) return url;
  }
  return null;
}

export function absoluteHttpUrl(value: string | undefined, baseUrl: string): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
