import { type CollectedEntry, type EntryKey, entryKey } from './collected-entry';

/** An entry a poll listed, with what identifies it. */
export interface ListedEntry {
  entry: CollectedEntry;
  key: EntryKey;
}

export interface PollPlan {
  /** The entries to convert and store: new ones (at most the cap) and changed ones. */
  convert: ListedEntry[];
  /** More new entries were listed than one poll stores: the next poll takes the rest. */
  capped: boolean;
}

/** Entries with an http(s) link, each dedupe key once (a source may list one entry twice; the first one counts). */
export function listEntries(entries: CollectedEntry[], baseUrl: string): ListedEntry[] {
  const byKey = new Map<string, ListedEntry>();
  for (const entry of entries) {
    const key = entryKey(entry, baseUrl);
    if (key && !byKey.has(key.dedupeKey)) byKey.set(key.dedupeKey, { entry, key });
  }
  return [...byKey.values()];
}

/**
 * Which listed entries are worth converting, from the entry hashes stored under their dedupe keys: a known entry
 * whose hash is unchanged is skipped before any conversion, so re-polling an unchanged feed converts nothing. A
 * known entry with no stored hash (stored before entry hashes) counts as changed once. Sitemaps and listing pages
 * (`announcesOnly`) say little more than a URL: a known one has nothing new to say. New entries are capped at
 * `maxNew`, newest first; every changed one is kept.
 */
export function planPoll(listed: ListedEntry[], stored: Map<string, string | null>, options: { announcesOnly: boolean; maxNew: number }): PollPlan {
  const fresh: ListedEntry[] = [];
  const changed: ListedEntry[] = [];
  for (const listedEntry of listed) {
    const { dedupeKey, entryHash } = listedEntry.key;
    if (!stored.has(dedupeKey)) fresh.push(listedEntry);
    else if (!options.announcesOnly && stored.get(dedupeKey) !== entryHash) changed.push(listedEntry);
  }
  if (fresh.length <= options.maxNew) return { convert: [...changed, ...fresh], capped: false };
  const newest = fresh.sort((a, b) => (b.entry.published?.getTime() ?? 0) - (a.entry.published?.getTime() ?? 0)).slice(0, options.maxNew);
  return { convert: [...changed, ...newest], capped: true };
}
