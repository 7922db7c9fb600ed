/**
 * An absolute http(s) URL for `raw` resolved against `base`, or null: unresolvable relative
 * references and other schemes (javascript:, mailto:, data:, file:) are never handed on.
 */
export function resolveHttpUrl(raw: string | null | undefined, base?: string | null): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
