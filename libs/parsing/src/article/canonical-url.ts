import { getDomain } from 'tldts';

// Query parameters that only say how a reader arrived, never which document they asked for.
const TRACKING_PARAM_PREFIXES = ['utm_', 'zalo_', 'hsa_', '_hs'];
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'igshid',
  '_ga',
  '_gl',
  'zarsrc', // Zalo's share source
  'ref',
  'ref_src',
  'cmpid',
  'ito',
  'ocid',
  's_cid',
  '__twitter_impression',
]);

/**
 * The URL Vigil stores for an article: the page's own `rel=canonical` (or og:url) when it is an http(s)
 * URL on the same registrable domain as the fetched page (a site may canonicalise m.example.vn to
 * www.example.vn, but must not redirect our record to another site), otherwise the fetched URL.
 * Either way: scheme and host lower-cased, default port, credentials, fragment and tracking parameters
 * dropped, the remaining parameters sorted by name (raw encoding kept). Nothing else is rewritten:
 * paths are case-sensitive and `/index.html` may be a different document on some servers.
 * Throws a TypeError when `url` itself is not an absolute URL.
 */
export function canonicalizeUrl(url: string, pageCanonical?: string | null): string {
  const page = new URL(url.trim());
  const accepted = pageCanonical ? acceptCanonical(page, pageCanonical) : null;
  return normalize(accepted ?? page);
}

/** The canonicalised form of a page's declared canonical URL, or null when it is not acceptable for `url`. */
export function canonicalCandidate(url: string, candidate: string): string | null {
  const accepted = acceptCanonical(new URL(url.trim()), candidate);
  return accepted ? normalize(accepted) : null;
}

function acceptCanonical(page: URL, candidate: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(candidate.trim(), page);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return sameSite(page.hostname, parsed.hostname) ? parsed : null;
}

function sameSite(a: string, b: string): boolean {
  if (a === b) return true;
  const domainA = getDomain(a);
  // getDomain is null for IP addresses and bare public suffixes: those must match exactly (above).
  return domainA !== null && domainA === getDomain(b);
}

function normalize(input: URL): string {
  const url = new URL(input.href); // WHATWG parsing already lower-cases scheme and host and drops default ports
  url.hash = '';
  url.username = '';
  url.password = '';
  url.search = cleanQuery(url.search);
  return url.href;
}

function cleanQuery(search: string): string {
  if (search.length <= 1) return '';
  const kept = search
    .slice(1)
    .split('&')
    .filter((pair) => pair.length > 0 && !isTrackingParam(paramName(pair)))
    .map((pair, index) => ({ pair, name: paramName(pair), index }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index))
    .map(({ pair }) => pair);
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0].replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PARAM_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
