import type { SnapshotEntity } from '@vigil/persistence';

export type BannerLanguage = 'vi' | 'en';

export type SnapshotMetadata = Pick<SnapshotEntity, 'finalUrl' | 'fetchedAt' | 'httpStatus' | 'contentHash'>;

/** The page opens in its own tab, outside the console, so it carries its few words in the reader's language. */
const BANNER_WORDS: Record<BannerLanguage, { archived: string; fetched: string; title: string; locale: string }> = {
  vi: { archived: 'Bản lưu của Vigil', fetched: 'thu thập lúc', title: 'Bản lưu', locale: 'vi-VN' },
  en: { archived: 'Archived by Vigil', fetched: 'fetched', title: 'Snapshot', locale: 'en-GB' },
};
/** Duty officers read times in Vietnam's zone, whatever the server's. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An already sanitised body (sanitizeArchivedPage) under the banner: cheap, so it is done on every view. */
export function snapshotDocument(snapshot: SnapshotMetadata, sanitizedBody: string, language: BannerLanguage = 'vi'): string {
  const words = BANNER_WORDS[language];
  const banner = `${words.archived} — ${escapeHtml(snapshot.finalUrl)} — ${words.fetched} ${localTime(snapshot.fetchedAt, words.locale)} — HTTP ${snapshot.httpStatus} — sha256 ${snapshot.contentHash}`;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${words.title}: ${escapeHtml(snapshot.finalUrl)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:0 auto;padding:1rem}.vigil-banner{background:#fff4d6;border:1px solid #e0b44c;padding:.5rem .75rem;font-size:.85rem;word-break:break-all}</style>
</head><body><div class="vigil-banner" role="note">${banner}</div>
${sanitizedBody}
</body></html>`;
}

/** "14:05:09 26/11/2026 (GMT+7)" in the reader's language, with the exact instant in `datetime`. */
function localTime(at: Date, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: TIME_ZONE }).format(at);
  return `<time datetime="${at.toISOString()}">${escapeHtml(text)} (GMT+7)</time>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
