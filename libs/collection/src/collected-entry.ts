import { hash } from 'node:crypto';
import { detectLanguage, foldItem, itemContentHash, searchFieldsOf } from '@vigil/domain';
import type { NewItem } from '@vigil/persistence';
import { htmlToText, type ParsedEntry, resolveHttpUrl } from '@vigil/parsing';

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

/** What identifies an entry, and whether it changed, without converting it: a URL resolved and one hash. */
/** A feed entry as collection handles it: the full content when the feed has one, else its summary. */
export function fromFeedEntry(item: ParsedEntry): CollectedEntry {
  return {
    id: item.id,
    link: item.link,
    title: item.title,
    body: item.content ?? item.summary ?? '',
    published: item.published,
    updated: item.updated,
    author: item.author,
    imageUrls: item.imageUrls,
  };
}

export interface EntryKey {
  url: string;
  dedupeKey: string;
  /** Hash of what the stored item's feed-owned fields are made of, as the source gave it (see ENTRY_HASH_VERSION). */
  entryHash: string;
}

const SNIPPET_LENGTH = 280;
// Part of every entry hash: bump it when toNewItem converts differently, so every entry is converted once more.
const ENTRY_HASH_VERSION = '2';

/** The entry's key and hash; null when it has no http(s) link. Cheap next to toNewItem (no HTML, folding or language). */
export function entryKey(entry: CollectedEntry, baseUrl: string): EntryKey | null {
  const url = resolveHttpUrl(entry.link, baseUrl);
  if (!url) return null;
  // Byline and images are kept from the first sighting only, so they take no part in telling a change. Each part
  // ends with a NUL; hashed as one string in one shot, since a Hash object and each update call cost as much as
  // hashing a short entry.
  const parts = [ENTRY_HASH_VERSION, entry.id ?? '', url, entry.title, entry.body, String(entry.published?.getTime() ?? ''), String(entry.updated?.getTime() ?? '')];
  const entryHash = hash('sha1', `${parts.join('\0')}\0`, 'base64url');
  return { url, dedupeKey: entry.id ?? url, entryHash };
}

/** Turns an entry into a storable item; null when it has no http(s) link or nothing to identify it by. */
export function toNewItem(
  entry: CollectedEntry,
  sourceId: string,
  baseUrl: string,
  fetchedAt: Date,
  languageHint: 'vi' | 'en' | null,
  key: EntryKey | null = entryKey(entry, baseUrl),
): NewItem | null {
  if (!key) return null;
  const { url } = key;
  // Evidence: title and text keep the publisher's characters (no NFC, no tone-mark moves); only the search fields
  // and the exact-copy hash are folded, so "văn hoá" and "văn hóa" still match and dedupe.
  const text = htmlToText(entry.body);
  const title = htmlToText(entry.title) || text.slice(0, 120) || url;
  const language = detectLanguage(`${title} ${text}`) ?? languageHint;
  // Folded once: the search fields and the exact-copy hash are both made of these words.
  const folded = foldItem({ title, text });
  const search = searchFieldsOf(folded, language);
  return {
    sourceId,
    dedupeKey: key.dedupeKey,
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
    // A feed that gives one date gives it as the update time of some entries (Atom's required <updated>).
    publishedAt: entry.published ?? entry.updated,
    updatedAt: entry.updated,
    fetchedAt,
    searchTitle: search.title,
    searchText: search.text,
    contentHash: text ? itemContentHash(folded) : null,
    entryHash: key.entryHash,
  };
}

