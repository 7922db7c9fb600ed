import { detectLanguage, normalizeVietnamese, toSearchText } from '@vigil/domain';
import type { NewItem } from '@vigil/persistence';
import type { ParsedFeedItem } from './feed-parser';

const SNIPPET_LENGTH = 280;

/** Turns a parsed feed entry into a storable item; null when it has nothing to identify or show. */
export function toNewItem(entry: ParsedFeedItem, sourceId: string, feedUrl: string, fetchedAt: Date): NewItem | null {
  const url = resolveUrl(entry.link, feedUrl);
  const title = normalizeVietnamese(entry.title);
  const text = normalizeVietnamese(entry.text);
  const dedupeKey = entry.guid ?? url;
  if (!dedupeKey || !url || (!title && !text)) return null;
  return {
    sourceId,
    dedupeKey,
    guid: entry.guid,
    url,
    title: title || text.slice(0, 120),
    content: text,
    snippet: text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH).trimEnd()}…` : text,
    language: detectLanguage(`${title} ${text}`),
    publishedAt: entry.publishedAt,
    fetchedAt,
    searchTitle: toSearchText(title),
    searchText: toSearchText(text),
  };
}

/** Feed links may be relative to the feed; only http(s) links are kept. */
function resolveUrl(link: string | null, feedUrl: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, feedUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
