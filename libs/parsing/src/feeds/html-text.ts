import { htmlEntityCodePoint } from './html-entities';

/**
 * Plain text of an HTML fragment from a feed (a description, a title), paragraphs kept apart: one
 * linear scan, no DOM. It reads the fragment as an HTML parser reads it for `textContent`: tags,
 * comments, CDATA sections (comments in HTML), declarations and processing instructions leave no
 * text; `<script>` and `<style>` are raw text that is dropped, `<title>`, `<textarea>` and `<xmp>`
 * raw text that is kept; whatever sits inside `<script>`, `<style>` or `<noscript>` elements is
 * dropped; a `<` that starts no tag is text; an unterminated tag, comment or raw-text element
 * swallows the rest. `</p>`, `</div>`, `</li>`, `</hN>` and `<br>` end a line, then every line has
 * its whitespace collapsed and blank lines go.
 */
export function htmlToText(fragment: string): string {
  if (!HAS_MARKUP.test(fragment)) return collapseWhitespace(fragment);
  return tidyLines(rawText(fragment));
}

const HAS_MARKUP = /[<&]/;
// Every run of whitespace but a lone space, which stays as it is: replacing each /\s+/ run, as this is equivalent
// to, cost a replacement per word.
const COLLAPSIBLE_WHITESPACE = /\s{2,}|[^\S ]/g;
// \s but the space, spelt out: a plain class scans several times faster than the alternation above, and most text
// has nothing to collapse.
const WHITESPACE_BUT_SPACE = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** The text on one line, each run of whitespace one space, trimmed. */
export function collapseWhitespace(text: string): string {
  if (!text.includes('  ') && !WHITESPACE_BUT_SPACE.test(text)) return text.trim();
  return text.replace(COLLAPSIBLE_WHITESPACE, ' ').trim();
}

function tidyLines(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const tidy = collapseWhitespace(line);
    if (tidy) lines.push(tidy);
  }
  return lines.join('\n');
}

/** Elements whose content never shows: raw text (script, style) or a subtree a reader drops (noscript). */
const HIDDEN = new Set(['script', 'style', 'noscript']);
/** Elements parsed as raw text up to their end tag: dropped (script, style) or kept, entities decoded or not. */
const RAW_TEXT = new Map<string, { keep: boolean; decode: boolean }>([
  ['script', { keep: false, decode: false }],
  ['style', { keep: false, decode: false }],
  ['title', { keep: true, decode: true }],
  ['textarea', { keep: true, decode: true }],
  ['xmp', { keep: true, decode: false }],
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** End tags followed by a line break, written exactly so (no attributes, no space). */
const LINE_ENDING_CLOSE = /^<\/(?:p|div|li|h\d)>$/i;
const LINE_BREAK = /^<br\s*\/?>$/i;

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function isTagNameEnd(code: number): boolean {
  return code === SLASH || code === GT || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** The fragment's text with a `\n` after every line-ending tag, before lines are tidied. */
function rawText(html: string): string {
  const out: string[] = [];
  // Open elements, so an end tag closes what it names (and whatever was left open inside it) and stray ones do nothing.
  const open: string[] = [];
  let hidden = 0;
  const length = html.length;
  let i = 0;
  while (i < length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? length : lt;
    if (textEnd > i && hidden === 0) out.push(decodeHtmlText(html.slice(i, textEnd)));
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);
    if (isAsciiLetter(next)) {
      let nameEnd = lt + 2;
      while (nameEnd < length && !isTagNameEnd(html.charCodeAt(nameEnd))) nameEnd += 1;
      const gt = openTagEnd(html, nameEnd);
      if (gt === -1) break; // an unterminated tag swallows the rest
      const name = html.slice(lt + 1, nameEnd).toLowerCase();
      i = gt + 1;
      if (name === 'br') {
        if (hidden === 0 && LINE_BREAK.test(html.slice(lt, i))) out.push('\n');
        continue;
      }
      const raw = RAW_TEXT.get(name);
      // A self-closing `<script/>` is still an open element in HTML, but starts no raw text.
      if (raw && html.charCodeAt(gt - 1) !== SLASH) {
        const close = rawTextEnd(html, i, name);
        if (raw.keep && hidden === 0) {
          const content = html.slice(i, close === -1 ? length : close);
          out.push(raw.decode ? decodeHtmlText(content) : content);
        }
        if (close === -1) break;
        const closeGt = html.indexOf('>', close);
        if (closeGt === -1) break;
        i = closeGt + 1;
        continue;
      }
      if (VOID.has(name)) continue;
      open.push(name);
      if (HIDDEN.has(name)) hidden += 1;
      continue;
    }
    if (next === SLASH) {
      const after = html.charCodeAt(lt + 2);
      if (after === GT) {
        // `</>` is text to an HTML tokenizer.
        if (hidden === 0) out.push('</>');
        i = lt + 3;
        continue;
      }
      const gt = html.indexOf('>', lt + 2);
      if (gt === -1) break; // an unterminated end tag or bogus comment swallows the rest
      i = gt + 1;
      if (!isAsciiLetter(after)) continue; // `</ …>` is a bogus comment: it leaves nothing
      let nameEnd = lt + 3;
      while (nameEnd < gt && !isTagNameEnd(html.charCodeAt(nameEnd))) nameEnd += 1;
      const name = html.slice(lt + 2, nameEnd).toLowerCase();
      const at = open.lastIndexOf(name);
      if (at !== -1) {
        for (let index = open.length - 1; index >= at; index -= 1) if (HIDDEN.has(open[index])) hidden -= 1;
        open.length = at;
      } else if (name === 'body' || name === 'html') {
        break; // the fragment closed the document body it is read in: nothing after it is body text
      }
      if (hidden === 0 && LINE_ENDING_CLOSE.test(html.slice(lt, i))) out.push('\n');
      continue;
    }
    if (next === BANG) {
      // Comments (`<!-->` included), CDATA sections (comments in HTML) and declarations leave no text.
      let end: number;
      if (html.startsWith('<!--', lt)) {
        end = html.indexOf('-->', lt + 2);
        end = end === -1 ? -1 : end + 3;
      } else if (html.startsWith('<![CDATA[', lt)) {
        end = html.indexOf(']]>', lt + 9);
        end = end === -1 ? -1 : end + 3;
      } else {
        end = html.indexOf('>', lt + 2);
        end = end === -1 ? -1 : end + 1;
      }
      if (end === -1) break;
      i = end;
      continue;
    }
    if (next === QUESTION) {
      const gt = html.indexOf('>', lt + 2);
      if (gt === -1) break;
      i = gt + 1;
      continue;
    }
    // A `<` that starts no tag ("a < b") is text.
    if (hidden === 0) out.push('<');
    i = lt + 1;
  }
  return out.join('');
}

/** Index of the `>` ending a start tag whose attributes begin at `from`, quoted values skipped; -1 when unterminated. */
function openTagEnd(html: string, from: number): number {
  const length = html.length;
  for (let i = from; i < length; i += 1) {
    const code = html.charCodeAt(i);
    if (code === GT) return i;
    if (code === EQUALS) {
      let value = i + 1;
      while (value < length && /\s/.test(html[value])) value += 1;
      const quote = html[value];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, value + 1);
        if (close === -1) return -1;
        i = close;
      } else {
        i = value - 1;
      }
    }
  }
  return -1;
}

/** Start of the end tag (`</name` then whitespace, `/` or `>`) closing raw text that begins at `from`; -1 when there is none. */
function rawTextEnd(html: string, from: number, name: string): number {
  const lower = html.toLowerCase();
  const needle = `</${name}`;
  for (let at = lower.indexOf(needle, from); at !== -1; at = lower.indexOf(needle, at + 1)) {
    const after = html.charCodeAt(at + needle.length);
    if (Number.isNaN(after)) return -1;
    if (isTagNameEnd(after)) return at;
  }
  return -1;
}

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,8});?|#([0-9]{1,10});?|([A-Za-z][A-Za-z0-9]{0,31})(;?))/g;
/** Windows-1252 meanings HTML gives numeric references to C1 controls (`&#150;` is an en dash). */
const C1_REPLACEMENTS: Partial<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};
const XML_NAMED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

function namedReference(name: string): string | undefined {
  const xml = XML_NAMED.get(name);
  if (xml !== undefined) return xml;
  const code = htmlEntityCodePoint(name);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/** The Latin-1 names, the XML ones and a few capitalised ones: HTML reads them without a `;` too. */
const LEGACY_NAMES = new Set(['AMP', 'LT', 'GT', 'QUOT', 'COPY', 'REG']);

function isLegacyName(name: string): boolean {
  if (LEGACY_NAMES.has(name)) return true;
  if (name === 'apos') return false;
  if (XML_NAMED.has(name)) return true;
  const code = htmlEntityCodePoint(name);
  return code !== undefined && code >= 0xa0 && code <= 0xff;
}

/** "&ampfoo" → "&foo", "&notit;" → "¬it;": the longest legacy name the reference starts with, the rest as written. */
function legacyReference(name: string, semicolon: string): string | undefined {
  for (let end = name.length; end >= 2; end -= 1) {
    const prefix = name.slice(0, end);
    if (!isLegacyName(prefix)) continue;
    const upper = LEGACY_NAMES.has(prefix) ? prefix.toLowerCase() : prefix;
    return `${namedReference(upper) ?? ''}${name.slice(end)}${end === name.length ? '' : semicolon}`;
  }
  return undefined;
}

/** Text with its character references decoded as HTML does: numeric, the XML five and the HTML 4 names; unknown names stay as written. */
export function decodeHtmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined, semicolon: string | undefined) => {
    if (name !== undefined) {
      if (semicolon) {
        const named = namedReference(name);
        if (named !== undefined) return named;
      }
      return legacyReference(name, semicolon ?? '') ?? whole;
    }
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(C1_REPLACEMENTS[code] ?? code);
  });
}
