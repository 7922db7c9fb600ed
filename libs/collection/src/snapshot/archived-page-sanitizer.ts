import { gunzipSync } from 'node:zlib';
import sanitizeHtml from 'sanitize-html';
import { decodeText } from '../http/charset';

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'img'),
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'time', 'header', 'footer', 'section', 'article', 'main', 'nav',
];

/**
 * The archived bytes as safe HTML: the publisher's text and structure, no scripts, styles, frames, forms or
 * images (nothing that loads from elsewhere). CPU-heavy on big pages: it runs in the parsing pool, once per snapshot.
 */
export function sanitizeArchivedPage(bodyGzip: Uint8Array, contentType: string | null): string {
  const html = decodeText(gunzipSync(bodyGzip), contentType);
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title'], time: ['datetime'], '*': ['lang'] },
    allowedSchemes: ['http', 'https'],
    // Images would load from the publisher: show their description instead.
    transformTags: { img: (_tag, attributes) => ({ tagName: 'span', text: attributes.alt ? `[${attributes.alt}]` : '', attribs: {} }) },
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'template'],
  });
}
