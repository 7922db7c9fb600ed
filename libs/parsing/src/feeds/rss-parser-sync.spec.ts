import { readFileSync } from 'node:fs';
import Parser from 'rss-parser';
import { parseWithRssParser } from './rss-parser-sync';
import { FEED_LIMITS, prepareXml } from './xml-safety';

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/parsing/feeds/${name}`, import.meta.url), 'utf8');

/** The fields Vigil reads of what rss-parser's parseString builds (its Atom dates aside: Vigil reads those raw). */
const READ_FIELDS = ['title', 'link', 'content', 'summary', 'content:encoded', 'guid', 'id', 'rdf:about', 'creator', 'author', 'pubDate', 'date'];
const readFields = (item: Record<string, unknown>) => Object.fromEntries(READ_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]));

describe('parseWithRssParser (rss-parser’s builders less what Vigil never reads)', () => {
  // Not localised-dates.xml: rss-parser itself throws on its dates, which is why Vigil reads Atom dates raw.
  it.each(['rss2.xml', 'rss1.rdf', 'rss091.xml', 'atom.xml'])('builds the fields rss-parser’s parseString does: %s', async (name) => {
    const xml = fixture(name);
    const reference = await new Parser().parseString(xml);
    const { feed } = parseWithRssParser(prepareXml(xml, FEED_LIMITS, 'feed'));
    expect({ title: feed.title, link: feed.link }).toEqual({ title: reference.title, link: reference.link });
    const atom = name === 'atom.xml';
    expect(feed.items.map(readFields)).toEqual(reference.items.map((item) => readFields(atom ? { ...item, pubDate: undefined } : item)));
  });

  it('reads XHTML content back as markup, as rss-parser does', async () => {
    const xml = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>a</title><content type="xhtml"><div><p>Hi <b>there</b></p></div></content></entry></feed>';
    const reference = await new Parser().parseString(xml);
    expect(parseWithRssParser(xml).feed.items[0].content).toBe(reference.items[0].content);
  });
});
