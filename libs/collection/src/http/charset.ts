import iconv from 'iconv-lite';
import { metaCharset } from './meta-charset';

/**
 * WHATWG maps these labels to windows-1252, as browsers do: pages labelled Latin-1 routinely
 * use 0x80–0x9F for curly quotes and dashes, which real ISO-8859-1 would turn into control codes.
 */
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp819']);

/** The charset parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

/**
 * The encoding of a fetched document: a byte order mark first (it cannot lie, and the HTML and
 * XML specifications both let it override the header), then the Content-Type charset, then the
 * XML declaration, then a `<meta charset>` or http-equiv in the first 1024 bytes, else UTF-8.
 * The answer is always a name iconv-lite can decode; an unknown label falls back to UTF-8.
 */
export function detectCharset(body: Buffer, contentType: string | null): string {
  const label =
    bomEncoding(body) ??
    charsetFromContentType(contentType) ??
    xmlDeclarationEncoding(body) ??
    metaCharset(body) ??
    'utf-8';
  return normaliseLabel(label);
}

export function decodeText(body: Buffer, contentType: string | null): string {
  const charset = detectCharset(body, contentType);
  const text = iconv.decode(body, charset);
  // windows-1258 writes tone marks as separate combining characters ("lê" + U+0323); composing
  // them here means "lệch" from a legacy page matches "lệch" typed by a duty officer.
  return charset === 'windows-1258' ? text.normalize('NFC') : text;
}

export function normaliseLabel(label: string): string {
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(name)) return 'windows-1252';
  // Without a BOM, "utf-16" means little-endian in practice (Windows tools write it that way).
  if (name === 'utf-16' || name === 'utf16') return 'utf-16le';
  return iconv.encodingExists(name) ? name : 'utf-8';
}

function bomEncoding(body: Buffer): string | null {
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return null;
}

/** `<?xml version="1.0" encoding="windows-1258"?>`, including a BOM-less UTF-16 declaration. */
function xmlDeclarationEncoding(body: Buffer): string | null {
  if (body.length >= 4 && body[0] === 0x3c && body[1] === 0x00 && body[2] === 0x3f && body[3] === 0x00) return 'utf-16le';
  if (body.length >= 4 && body[0] === 0x00 && body[1] === 0x3c && body[2] === 0x00 && body[3] === 0x3f) return 'utf-16be';
  const head = body.subarray(0, 256).toString('latin1');
  const declaration = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return declaration?.[1] ?? null;
}
