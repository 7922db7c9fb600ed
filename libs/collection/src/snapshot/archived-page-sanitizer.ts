import { gunzipSync } from 'node:zlib';
import sanitizeHtml from 'sanitize-html';
import { decodeText } from '../http/charset';

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'img'),
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'time', 'header', 'footer', 'section', 'article', 'main', 'nav',
];
const BASE_HREF = /<base\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/**
 * The archived bytes as safe HTML: the publisher's text and structure, no scripts, styles, frames, forms or
 * images (nothing that loads from elsewhere). Links point where they pointed on the original page (resolved
 * against its address and its `<base href>`), not at Vigil. CPU-heavy on big pages: it runs in the parsing pool,
 * once per snapshot.
 */
export function sanitizeArchivedPage(bodyGzip: Uint8Array, contentType: string | null, pageUrl: string): string {
  const html = decodeText(gunzipSync(bodyGzip), contentType);
  const base = baseUrlOf(html, pageUrl);
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title'], time: ['datetime'], '*': ['lang'] },
    allowedSchemes: ['http', 'https'],
    transformTags: {
      // Images would load from the publisher: show their description instead.
      img: (_tag, attributes) => ({ tagName: 'span', text: attributes.alt ? `[${attributes.alt}]` : '', attribs: {} }),
      a: (tagName, attributes) => ({ tagName, attribs: withAbsoluteHref(attributes, base) }),
    },
    // The <title> is the tab's, not the page's text (the snapshot document has its own).
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'template', 'title'],
  });
}

/** The page's `<base href>` resolved against its address, else its address; null when neither is a URL. */
function baseUrlOf(html: string, pageUrl: string): string | null {
  const match = BASE_HREF.exec(html.slice(0, 64 * 1024));
  const href = match ? (match[1] ?? match[2] ?? match[3] ?? '') : '';
  try {
    return new URL(href.trim() || pageUrl, pageUrl).href;
  } catch {
    return URL.canParse(pageUrl) ? pageUrl : null;
  }
}

/** A relative href made absolute; in-page anchors (#…) stay, so they still jump within the snapshot. */
function withAbsoluteHref(attributes: sanitizeHtml.Attributes, base: string | null): sanitizeHtml.Attributes {
  const href = attributes.href?.trim();
  if (!href || href.startsWith('#') || base === null) return attributes;
  try {
    return { ...attributes, href: new URL(href, base).href };
  } catch {
    const { href: _dropped, ...rest } = attributes;
    return rest;
  }
}
