import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { FeedParseError, parseFeed, runParseFeed } from './index';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/feeds/${name}`, import.meta.url), 'utf8');

/** Runs `work` and returns its result with the elapsed wall time. */
function timed<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

describe('parseFeed on hostile documents', () => {
  it('parses a billion-laughs feed quickly without expanding a single entity', () => {
    const { result: feed, ms } = timed(() => parseFeed(fixture('billion-laughs.xml')));
    expect(ms).toBeLessThan(1000);
    expect(feed.title).toBe('Laughing Feed &lol9;');
    expect(feed.items[0]).toMatchObject({ title: 'Item &lol9;', summary: '&lol9;&lol9;&lol9;' });
    expect(JSON.stringify(feed)).not.toContain('lollol');
  });

  it('rejects a bare billion-laughs document (no feed inside) fast', () => {
    const lolz = fixture('billion-laughs.xml').replace(/<rss[\s\S]*<\/rss>/, '<lolz>&lol9;</lolz>');
    const { ms } = timed(() => expect(() => parseFeed(lolz)).toThrow(FeedParseError));
    expect(ms).toBeLessThan(1000);
  });

  it('never resolves external entities: the XXE feed parses with the reference left as text', () => {
    const feed = parseFeed(fixture('xxe.xml'));
    expect(feed.items[0]).toMatchObject({ title: 'Leak &xxe;', summary: 'Contents: &xxe;' });
    const output = runParseFeed(fixture('xxe.xml')).stdout;
    expect(output).not.toMatch(/root:|\/bin\/(ba)?sh|nologin/);
    expect(output).toContain('Leak &xxe;');
  });

  it('survives a quadratic blowup (one large entity referenced many times) without expansion', () => {
    const entity = 'x'.repeat(100_000);
    const text =
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${entity}">]>` +
      `<rss version="2.0"><channel><title>Q</title><item><title>${'&a;'.repeat(50_000)}</title></item></channel></rss>`;
    const { result: feed, ms } = timed(() => parseFeed(text));
    expect(ms).toBeLessThan(2000);
    expect(feed.items[0].title).toBe('&a;'.repeat(50_000));
  });

  it('refuses millions of numeric character references before parsing', () => {
    const text = `<rss version="2.0"><channel><title>${'&#65;'.repeat(1_000_001)}</title></channel></rss>`;
    const { ms } = timed(() =>
      expect(() => parseFeed(text)).toThrow(
        new FeedParseError('Unreadable feed: more than 1000000 numeric character references'),
      ),
    );
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a document over 20 MiB without parsing it', () => {
    const text = `<rss version="2.0"><channel><title>${'x'.repeat(20 * 1024 * 1024)}</title></channel></rss>`;
    expect(() => parseFeed(text)).toThrow(new FeedParseError('Unreadable feed: larger than 20 MiB'));
    expect(() => parseFeed(`{"version":"https://jsonfeed.org/version/1.1","title":"${'x'.repeat(20 * 1024 * 1024)}"}`)).toThrow(
      new FeedParseError('Unreadable feed: larger than 20 MiB'),
    );
  });

  it('stays linear on pathological nesting and unterminated tags', () => {
    const deep = `<rss version="2.0"><channel><title>D</title><item><title>Một</title></item>${'<b>'.repeat(50_000)}${'</i>'.repeat(50_000)}`;
    const { result: feed, ms } = timed(() => parseFeed(deep));
    expect(ms).toBeLessThan(2000);
    expect(feed.items.map((item) => item.title)).toEqual(['Một']);
    const open = `<rss version="2.0"><channel><item><title>Hai</title></item>${'<a '.repeat(100_000)}`;
    expect(timed(() => parseFeed(open)).ms).toBeLessThan(2000);
  });

  it('does not let a ">" inside an entity value end the DOCTYPE early', () => {
    const text =
      '<!DOCTYPE rss [<!ENTITY gt2 "a>b"> <!-- ]> --> <!ENTITY e SYSTEM "file:///etc/passwd">]>' +
      '<rss version="2.0"><channel><title>T &e;</title><item><title>Ba</title></item></channel></rss>';
    const feed = parseFeed(text);
    expect(feed.title).toBe('T &e;');
    expect(feed.items.map((item) => item.title)).toEqual(['Ba']);
  });
});
