/**
 * The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type"
 * content="…; charset=…">` within its first 1024 bytes: the WHATWG prescan, reduced to the cases
 * pages actually use.
 *
 * Why not html-encoding-sniffer: it is CommonJS that require()s an ES module (@exodus/bytes).
 * Node 20.19+ runs that, but Jest's module registry cannot before Node 24.9, so no spec could
 * load it. Once Jest runs on Node ≥ 24.9 (or transforms @exodus/bytes), swap this for
 * `htmlEncodingSniffer(bytes, { defaultEncoding })`.
 */
export function metaCharset(body: Buffer): string | null {
  const head = body.subarray(0, 1024).toString('latin1').replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const tag of head.matchAll(/<meta[\s/]([^>]*)/gi)) {
    const attributes = parseAttributes(tag[1] ?? '');
    const charset = attributes.get('charset') ?? charsetFromPragma(attributes);
    if (!charset) continue;
    // The prescan cannot have read UTF-16 as ASCII, so such a declaration is wrong by definition.
    return /^utf-?16/i.test(charset) ? 'utf-8' : charset;
  }
  return null;
}

function charsetFromPragma(attributes: Map<string, string>): string | null {
  if (attributes.get('http-equiv')?.toLowerCase() !== 'content-type') return null;
  const match = /charset\s*=\s*["']?([^"'\s;]+)/i.exec(attributes.get('content') ?? '');
  return match?.[1] ?? null;
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = (match[1] ?? '').toLowerCase();
    // The first occurrence of an attribute wins, as in the HTML tokenizer.
    if (!attributes.has(name)) attributes.set(name, (match[2] ?? match[3] ?? match[4] ?? '').trim());
  }
  return attributes;
}
