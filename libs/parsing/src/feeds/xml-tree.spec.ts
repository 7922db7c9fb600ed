import { readFileSync, readdirSync } from 'node:fs';
import { parseWithXml2js } from './rss-parser-sync';
import { FEED_LIMITS, prepareXml } from './xml-safety';
import { fastXmlTree } from './xml-tree';

const FIXTURES = new URL('../../../../test/fixtures/parsing/feeds/', import.meta.url);
const fixtures = readdirSync(FIXTURES).filter((name) => /\.(xml|rdf)$/.test(name));
const prepared = (name: string) => prepareXml(readFileSync(new URL(name, FIXTURES), 'utf8'), FEED_LIMITS, 'feed');

/** The tree as text, key order included (rss-parser serialises some nodes back to XML in that order). */
const shape = (tree: unknown) => JSON.stringify(tree);

describe('fastXmlTree (xml2js’s tree, read faster)', () => {
  it.each(fixtures)('builds exactly xml2js’s tree, or leaves the document to xml2js: %s', (name) => {
    const xml = prepared(name);
    const tree = fastXmlTree(xml);
    if (tree !== null) expect(shape(tree)).toBe(shape(parseWithXml2js(xml)));
  });

  it.each(['rss2.xml', 'atom.xml', 'rss1.rdf', 'rss091.xml', 'localised-dates.xml'])('reads a well-formed feed itself: %s', (name) => {
    expect(fastXmlTree(prepared(name))).not.toBeNull();
  });

  it.each([
    ['attributes, repeated ones and references in them', `<r a="1 &amp; 2" b='x"y' a="dropped"><e  c = "&#x41;&#66;" /></r>`],
    ['text, CDATA and children mixed, whitespace kept inside text', '<r>\r\n  one <b>two</b> three <![CDATA[ <four> ]]>\n</r>'],
    ['empty and whitespace-only elements, whitespace-only CDATA kept', '<r><a></a><b>  </b><c/><d><![CDATA[  ]]></d><e x="1">  </e></r>'],
    ['repeated children in order, comments and processing instructions anywhere', '<?xml version="1.0"?>\n<!-- c --><r><i>1</i><!-- x --><j/><i>2<?pi body?></i></r>\n<!-- end -->\n'],
    ['names with prefixes, dots and dashes', '<rss xmlns:media="m"><media:content url="u" medium="image"/><a.b-c_d>t</a.b-c_d></rss>'],
    ['names Object.prototype has', '<r><constructor>c</constructor><toString>t</toString><__proto__>p</__proto__></r>'],
  ])('agrees with xml2js on %s', (_, xml) => {
    const tree = fastXmlTree(xml);
    expect(tree).not.toBeNull();
    expect(shape(tree)).toBe(shape(parseWithXml2js(xml)));
  });

  it.each([
    ['an HTML entity', '<r>&nbsp;</r>'],
    ['a bare ampersand', '<r>Tom & Jerry</r>'],
    ['a mismatched end tag', '<r><a></b></r>'],
    ['an unclosed root', '<r><a>text</a>'],
    ['text before the root', 'x<r/>'],
    ['a second root', '<r/><s/>'],
    ['"--" inside a comment', '<r><!-- a -- b --></r>'],
    ['a lower-case CDATA opener', '<r><![cdata[x]]></r>'],
    ['an unquoted attribute', '<r a=1/>'],
    ['attributes without space between them', '<r a="1"b="2"/>'],
    ['an element named like xml2js’s text key', '<r><_>x</_></r>'],
    ['a non-ASCII name', '<r><tên>x</tên></r>'],
    ['a reference to a character XML forbids', '<r>&#1;</r>'],
  ])('leaves %s to xml2js', (_, xml) => {
    expect(fastXmlTree(xml)).toBeNull();
  });
});
