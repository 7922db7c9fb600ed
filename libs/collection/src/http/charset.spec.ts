import iconv from 'iconv-lite';
import { detectCharset } from './charset';
import type { GuardedHttpClient } from './guarded-http-client';
import { loopbackClient, respond, startLoopbackServer, type LoopbackServer } from './test-fixtures';

const HEADLINE = 'Thông tin sai lệch về giá xăng';

/**
 * windows-1258 has precomposed letters with circumflex, breve and horn (ê, ơ, ư…) but writes the
 * five tone marks as combining characters, so "ệ" is stored as "ê" + U+0323.
 */
function toWindows1258Form(text: string): string {
  const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/g;
  return text
    .normalize('NFD')
    .replace(/(\P{M})(\p{M}*)/gu, (_all, base: string, marks: string) => {
      const tones = marks.match(toneMarks)?.join('') ?? '';
      return (base + marks.replace(toneMarks, '')).normalize('NFC') + tones;
    });
}

describe('charset detection and decoding of fetched pages', () => {
  let server: LoopbackServer;
  let client: GuardedHttpClient;

  afterEach(async () => {
    await client.close();
    await server.close();
  });

  async function fetchText(headers: Record<string, string>, body: Buffer): Promise<string> {
    server = await startLoopbackServer(respond(200, headers, body));
    client = loopbackClient();
    return (await client.fetch(`${server.origin}/`)).text();
  }

  it('decodes a windows-1258 page named in the Content-Type header into composed Vietnamese', async () => {
    const bytes = iconv.encode(`<h1>${toWindows1258Form(HEADLINE)}</h1>`, 'windows-1258');
    expect(bytes.includes(0xf2)).toBe(true); // the combining dot below of "ệ"
    expect(await fetchText({ 'content-type': 'text/html; charset=windows-1258' }, bytes)).toBe(`<h1>${HEADLINE}</h1>`);
  });

  it('decodes a windows-1258 page declared only in <meta http-equiv>', async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body>${toWindows1258Form(HEADLINE)}</body></html>`;
    const text = await fetchText({ 'content-type': 'text/html' }, iconv.encode(html, 'windows-1258'));
    expect(text).toContain(`<body>${HEADLINE}</body>`);
  });

  it('decodes a UTF-16LE page with a byte order mark, whatever the header says', async () => {
    const bytes = iconv.encode(`<p>${HEADLINE}</p>`, 'utf-16le', { addBOM: true });
    expect(await fetchText({ 'content-type': 'text/html; charset=utf-8' }, bytes)).toBe(`<p>${HEADLINE}</p>`);
  });

  it('decodes a UTF-16BE feed with a byte order mark', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><rss><title>${HEADLINE}</title></rss>`;
    const bytes = iconv.encode(xml, 'utf-16be', { addBOM: true });
    expect(await fetchText({ 'content-type': 'application/rss+xml' }, bytes)).toBe(xml);
  });

  it('reads the encoding from the XML declaration when the header has none', async () => {
    const xml = `<?xml version="1.0" encoding="windows-1258"?><rss><title>${toWindows1258Form(HEADLINE)}</title></rss>`;
    const text = await fetchText({ 'content-type': 'application/rss+xml' }, iconv.encode(xml, 'windows-1258'));
    expect(text).toContain(`<title>${HEADLINE}</title>`);
  });

  it('decodes windows-1252 from <meta charset>', async () => {
    const html = '<meta charset="windows-1252"><p>“Café” – déjà vu</p>';
    expect(await fetchText({}, iconv.encode(html, 'windows-1252'))).toBe(html);
  });

  it('falls back to UTF-8 for an unknown charset label', async () => {
    expect(await fetchText({ 'content-type': 'text/html; charset=x-made-up' }, Buffer.from(HEADLINE))).toBe(HEADLINE);
  });
});

describe('detectCharset', () => {
  it.each([
    ['the BOM over the header', Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'text/html; charset=utf-8', 'utf-16le'],
    ['the header over the XML declaration', Buffer.from('<?xml version="1.0" encoding="iso-8859-2"?><a/>'), 'text/xml; charset=utf-8', 'utf-8'],
    ['the XML declaration over <meta>', Buffer.from('<?xml version="1.0" encoding="windows-1258"?><meta charset="koi8-r">'), null, 'windows-1258'],
    ['a BOM-less UTF-16LE XML declaration', iconv.encode('<?xml version="1.0"?>', 'utf-16le'), null, 'utf-16le'],
    ['<meta charset> without quotes', Buffer.from('<head><meta charset=windows-1258>'), null, 'windows-1258'],
    ['<meta> inside a comment is ignored', Buffer.from('<!-- <meta charset="koi8-r"> --><p>'), null, 'utf-8'],
    ['ISO-8859-1 read as windows-1252, as browsers do', Buffer.from('x'), 'text/html; charset=ISO-8859-1', 'windows-1252'],
    ['a UTF-16 <meta> read as UTF-8', Buffer.from('<meta charset="utf-16">'), null, 'utf-8'],
    ['UTF-8 when nothing is declared', Buffer.from('<p>xin chào</p>'), null, 'utf-8'],
  ])('prefers %s', (_case, body, contentType, expected) => {
    expect(detectCharset(body, contentType)).toBe(expected);
  });
});
