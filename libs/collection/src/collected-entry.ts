import { contentHash } from '@vigil/domain';
import { detectLanguage, normalizeVietnamese, toSearchFields } from '@vigil/domain';
import type { NewItem } from '@vigil/persistence';
import { parseHTML } from 'linkedom';
import { resolveHttpUrl } from './parsing/feeds/url-resolve';

/** One article announced by a source, whatever its kind: a feed entry, a sitemap URL or a listing link. */
export interface CollectedEntry {
  id: string | null;
  link: string | null;
  title: string;
  /** HTML or plain text as the source gave it; may be empty (sitemaps, listings). */
  body: string;
  published: Date | null;
  updated: Date | null;
  author: string | null;
  imageUrls: string[];
}

const SNIPPET_LENGTH = 280;

/** Turns an entry into a storable item; null when it has no http(s) link or nothing to identify it by. */
export function toNewItem(entry: CollectedEntry, sourceId: string, baseUrl: string, fetchedAt: Date, languageHint: 'vi' | 'en' | null): NewItem | null {
  const url = resolveHttpUrl(entry.link, baseUrl);
  if (!url) return null;
  const text = normalizeVietnamese(htmlToText(entry.body));
  const title = normalizeVietnamese(htmlToText(entry.title)) || text.slice(0, 120) || url;
  const language = detectLanguage(`${title} ${text}`) ?? languageHint;
  const search = toSearchFields({ title, text, language });
  return {
    sourceId,
    dedupeKey: entry.id ?? url,
    guid: entry.id,
    url,
    canonicalUrl: url,
    title,
    content: text,
    text,
    snippet: text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH).trimEnd()}…` : text,
    language,
    byline: entry.author,
    imageUrls: entry.imageUrls,
    publishedAt: entry.published,
    updatedAt: entry.updated,
    fetchedAt,
    searchTitle: search.title,
    searchText: search.text,
    contentHash: text ? contentHash(`${title}\n${text}`) : null,
  };
}

/** Plain text of an HTML fragment, paragraphs kept apart. */
export function htmlToText(fragment: string): string {
  if (!/[<&]/.test(fragment)) return fragment.replace(/\s+/g, ' ').trim();
  const { document } = parseHTML(`<!doctype html><html><body>${fragment.replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, '$&\n')}</body></html>`);
  document.querySelectorAll('script, style, noscript').forEach((node: { remove(): void }) => node.remove());
  return (document.body.textContent ?? '')
    .split('\n')
    .map((line: string) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
