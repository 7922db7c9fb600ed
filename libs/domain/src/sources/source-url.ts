// Parameters that tell where a click came from, never which document is meant.
const TRACKING_PARAMETER = /^(?:utm_[a-z]+|fbclid|gclid|dclid|msclkid|zarsrc|_ga)$/i;

/**
 * What makes two source addresses the same source: the scheme (http and https serve one feed), a leading
 * "www.", a trailing slash, the fragment, tracking parameters and the order of the others make no difference.
 * Host case and default ports are already folded by the WHATWG URL parser; the path keeps its case (servers differ).
 * Null for something that is not an http(s) URL.
 */
export function sourceUrlKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/^www\./, '').replace(/\.$/, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  const parameters = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name)).sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = parameters.length ? `?${new URLSearchParams(parameters).toString()}` : '';
  return `${host}${port}${path}${query}`;
}
