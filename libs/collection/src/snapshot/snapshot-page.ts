import { gunzipSync } from 'node:zlib';
import type { SnapshotEntity } from '@vigil/persistence';
import sanitizeHtml from 'sanitize-html';
import { decodeText } from '../http';

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'img'),
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'time', 'header', 'footer', 'section', 'article', 'main', 'nav',
];

export type BannerLanguage = 'vi' | 'en';

/** The page opens in its own tab, outside the console, so it carries its few words in the reader's language. */
const BANNER_WORDS: Record<BannerLanguage, { archived: string; fetched: string; title: string }> = {
  vi: { archived: 'Bản lưu của Vigil', fetched: 'thu thập lúc', title: 'Bản lưu' },
  en: { archived: 'Archived by Vigil', fetched: 'fetched', title: 'Snapshot' },
};

/**
 * The archived page as a self-contained HTML document: the publisher's text and structure, no scripts,
 * styles, frames, forms or images (nothing that loads from elsewhere), under a banner saying what it is.
 */
export function renderSnapshotPage(
  snapshot: Pick<SnapshotEntity, 'bodyGzip' | 'contentType' | 'finalUrl' | 'fetchedAt' | 'httpStatus' | 'contentHash'>,
  language: BannerLanguage = 'vi',
): string {
  const html = decodeText(gunzipSync(snapshot.bodyGzip), snapshot.contentType);
  const body = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title'], time: ['datetime'], '*': ['lang'] },
    allowedSchemes: ['http', 'https'],
    // Images would load from the publisher: show their description instead.
    transformTags: { img: (_tag, attributes) => ({ tagName: 'span', text: attributes.alt ? `[${attributes.alt}]` : '', attribs: {} }) },
    nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'template'],
  });
  const words = BANNER_WORDS[language];
  const banner = `${words.archived} — ${escapeHtml(snapshot.finalUrl)} — ${words.fetched} ${snapshot.fetchedAt.toISOString()} — HTTP ${snapshot.httpStatus} — sha256 ${snapshot.contentHash}`;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${words.title}: ${escapeHtml(snapshot.finalUrl)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:0 auto;padding:1rem}.vigil-banner{background:#fff4d6;border:1px solid #e0b44c;padding:.5rem .75rem;font-size:.85rem;word-break:break-all}</style>
</head><body><div class="vigil-banner" role="note">${banner}</div>
${body}
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
