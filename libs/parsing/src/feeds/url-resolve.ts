/**
 * An absolute http(s) URL for `raw` resolved against `base`, or null: unresolvable relative
 * references and other schemes (javascript:, mailto:, data:, file:) are never handed on.
 */
export function resolveHttpUrl(raw: string | null | undefined, base?: string | null): string | null {
  const value = raw?.trim();
  if (!value) return null;
  // An href this gave resolves to itself whatever the base: collection resolves each entry's link twice (mapping
  // the feed, then keying the entry), and a URL parse costs as much as the rest of keying it.
  if (RESOLVED.has(value)) return value;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (RESOLVED.size >= MAX_RESOLVED) RESOLVED.clear();
  RESOLVED.add(url.href);
  return url.href;
}

// The latest hrefs given: enough for a feed's links and images between mapping it and keying its entries, too few
// to remember a feed from one poll to the next (that would only flatter a benchmark).
const RESOLVED = new Set<string>();
const MAX_RESOLVED = 256;
