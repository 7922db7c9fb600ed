import Parser from 'rss-parser';
import { fastXmlTree } from './xml-tree';

/** A node of xml2js output (explicitArray): elements map to arrays, attributes live under `$`, text under `_`. */
export type XmlNode = { [key: string]: unknown; $?: Record<string, string>; _?: string };

/** What rss-parser builds: its documented fields plus the custom fields below, loosely typed. */
export type RssParserFeed = Record<string, unknown> & { items: Record<string, unknown>[] };

export type XmlFeedKind = 'rss' | 'atom';

const keep = { keepArray: true };

/**
 * Fields rss-parser does not map by itself. Atom's published/updated are moved out of its reach
 * (see below), so they arrive here under names of our own.
 */
const CUSTOM_FIELDS = {
  feed: [],
  item: [
    ['atom:updated', 'atomUpdated'],
    ['dcterms:modified', 'dctermsModified'],
    ['vigil:published', 'rawPublished'],
    ['vigil:updated', 'rawUpdated'],
    ['guid', 'guidNodes', keep],
    ['link', 'linkNodes', keep],
    ['media:content', 'mediaContent', keep],
    ['media:thumbnail', 'mediaThumbnail', keep],
    ['media:group', 'mediaGroup', keep],
    ['enclosure', 'enclosures', keep],
  ],
};

interface ParserInternals {
  xmlParser: { parseString(xml: string, done: (error: Error | null, result: XmlNode | null) => void): void };
  buildAtomFeed(xml: XmlNode): RssParserFeed;
  buildRSS2(xml: XmlNode): RssParserFeed;
  buildRSS1(xml: XmlNode): RssParserFeed;
  buildRSS0_9(xml: XmlNode): RssParserFeed;
}

const PARSER_OPTIONS = { defaultRSS: 2, customFields: CUSTOM_FIELDS } as Parser.ParserOptions<Record<string, unknown>, Record<string, unknown>>;
// The builders read only the options, so one parser serves every document for them.
const BUILDER = new Parser(PARSER_OPTIONS) as unknown as ParserInternals;

/**
 * Runs rss-parser synchronously. Its public `parseString` does all its work synchronously but
 * hands the result over through a Promise; parsing is pure CPU work, so Vigil's parser stays a
 * plain function and calls the same steps directly: the xml2js parse (synchronous without its
 * `async` option) and the builder `parseString` would pick. A contract spec compares the two so
 * an rss-parser upgrade that changes these internals fails loudly. `parseURL` is never used.
 * A well-formed document gets xml2js's tree from fastXmlTree; any other goes through xml2js itself.
 */
export function parseWithRssParser(xml: string): { kind: XmlFeedKind; feed: RssParserFeed } {
  return buildFeed(fastXmlTree(xml) ?? parseWithXml2js(xml));
}

/** xml2js's tree of the document, as rss-parser's parseString builds it; throws sax's error. */
export function parseWithXml2js(xml: string): XmlNode {
  // A fresh parser per document: xml2js keeps per-parse state and listeners on the instance.
  const parser = new Parser(PARSER_OPTIONS) as unknown as ParserInternals;
  let outcome: { error: Error | null; result: XmlNode | null } | undefined;
  parser.xmlParser.parseString(xml, (error, result) => {
    outcome ??= { error, result };
  });
  if (!outcome) throw new Error('XML parser did not finish synchronously');
  if (outcome.error) throw outcome.error;
  if (!outcome.result) throw new Error('empty document');
  return outcome.result;
}

function buildFeed(root: XmlNode): { kind: XmlFeedKind; feed: RssParserFeed } {
  const parser = BUILDER;
  const atom = root.feed as XmlNode | undefined;
  if (atom && typeof atom === 'object') {
    prepareAtomForRssParser(atom);
    return { kind: 'atom', feed: parser.buildAtomFeed(root) };
  }
  const rss = root.rss as XmlNode | undefined;
  if (root['rdf:RDF']) return { kind: 'rss', feed: parser.buildRSS1(root) };
  if (rss && typeof rss === 'object' && Array.isArray(rss.channel)) {
    const version = rss.$?.version ?? '';
    return { kind: 'rss', feed: /0\.9/.test(version) ? parser.buildRSS0_9(root) : parser.buildRSS2(root) };
  }
  const name = Object.keys(root)[0] ?? 'nothing';
  throw new Error(`the root element is <${name}>, not an RSS or Atom feed`);
}

/**
 * rss-parser converts Atom published/updated with `new Date(…).toISOString()`, which throws on
 * a localised date and would lose the whole feed; it also assumes every Atom link has attributes.
 * Dates move to names it does not know (read back through custom fields); bare links gain `href`.
 */
function prepareAtomForRssParser(feed: XmlNode): void {
  normaliseAtomLinks(feed);
  for (const entry of Array.isArray(feed.entry) ? (feed.entry as XmlNode[]) : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    for (const field of ['published', 'updated']) {
      if (entry[field] !== undefined) {
        entry[`vigil:${field}`] = entry[field];
        delete entry[field];
      }
    }
    normaliseAtomLinks(entry);
  }
}

function normaliseAtomLinks(node: XmlNode): void {
  if (!Array.isArray(node.link)) return;
  node.link = node.link.map((link: unknown) => {
    if (typeof link === 'string') return { $: { href: link.trim() } };
    return link && typeof link === 'object' && !('$' in link) ? { $: {} } : link;
  });
}
