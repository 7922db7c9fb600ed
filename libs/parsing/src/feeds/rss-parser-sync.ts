import Parser from 'rss-parser';
import rssFields from 'rss-parser/lib/fields.js';
import rssUtils, { type RssParserField } from 'rss-parser/lib/utils.js';
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
const CUSTOM_ITEM_FIELDS: readonly RssParserField[] = [
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
];
// rss-parser's own lists, less the text snippet it makes of content:encoded (Vigil converts the HTML itself).
const FEED_FIELDS = rssFields.feed;
const ITEM_FIELDS: readonly RssParserField[] = [
  ...rssFields.item.map((field) => (Array.isArray(field) && field.length === 3 && field[2].includeSnippet ? ([field[0], field[1]] as const) : field)),
  ...CUSTOM_ITEM_FIELDS,
];

interface XmlParserInternals {
  xmlParser: { parseString(xml: string, done: (error: Error | null, result: XmlNode | null) => void): void };
}

/**
 * Parses RSS and Atom as rss-parser does, synchronously. Its public `parseString` does all its work synchronously
 * but hands the result over through a Promise; parsing is pure CPU work, so Vigil's parser stays a plain function
 * and runs the same steps itself: xml2js's tree (from fastXmlTree for a well-formed document, else xml2js itself,
 * synchronous without its `async` option), then the builder `parseString` would pick, written here with rss-parser's
 * field lists and helpers less what Vigil never reads (see buildRss). A contract spec compares the results with
 * rss-parser's so an upgrade that changes these internals fails loudly. `parseURL` is never used.
 */
export function parseWithRssParser(xml: string): { kind: XmlFeedKind; feed: RssParserFeed } {
  return buildFeed(fastXmlTree(xml) ?? parseWithXml2js(xml));
}

/** xml2js's tree of the document, as rss-parser's parseString builds it; throws sax's error. */
export function parseWithXml2js(xml: string): XmlNode {
  // A fresh parser per document: xml2js keeps per-parse state and listeners on the instance.
  const parser = new Parser() as unknown as XmlParserInternals;
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
  const atom = root.feed as XmlNode | undefined;
  if (atom && typeof atom === 'object') {
    prepareAtomForRssParser(atom);
    return { kind: 'atom', feed: buildAtom(atom) };
  }
  const rss = root.rss as XmlNode | undefined;
  const rdf = root['rdf:RDF'] as XmlNode | undefined;
  // RSS 1.0 keeps its items beside the channel; 0.9x and 2.0 inside it.
  // Indexed as rss-parser does, so a channel-less document fails with its error.
  if (rdf) return { kind: 'rss', feed: buildRss((rdf.channel as unknown[])[0], rdf.item) };
  if (rss && typeof rss === 'object' && Array.isArray(rss.channel)) {
    const channel = rss.channel[0] as XmlNode;
    return { kind: 'rss', feed: buildRss(channel, channel.item) };
  }
  const name = Object.keys(root)[0] ?? 'nothing';
  throw new Error(`the root element is <${name}>, not an RSS or Atom feed`);
}

/**
 * rss-parser's buildRSS and parseItemRss, less what Vigil never reads and which cost a fifth of parsing a feed: the
 * text snippet of every item (two regex passes and an entity decode over its HTML), ISO dates, iTunes fields,
 * pagination links and the channel image.
 */
function buildRss(channel: unknown, items: unknown): RssParserFeed {
  const feed: RssParserFeed = { items: [] };
  rssUtils.copyFromXML(channel, feed, FEED_FIELDS);
  feed.items = (Array.isArray(items) ? (items as XmlNode[]) : []).map((xmlItem) => {
    const item: Record<string, unknown> = {};
    rssUtils.copyFromXML(xmlItem, item, ITEM_FIELDS);
    if (xmlItem.description) item.content = rssUtils.getContent((xmlItem.description as unknown[])[0]);
    if (xmlItem.guid) {
      const guid = (xmlItem.guid as unknown[])[0];
      item.guid = (guid as XmlNode | undefined)?._ || guid;
    }
    if (xmlItem.$ && xmlItem.$['rdf:about']) item['rdf:about'] = xmlItem.$['rdf:about'];
    return item;
  });
  return feed;
}

/**
 * rss-parser's buildAtomFeed and parseItemAtom, less the snippets and dates Vigil never reads. Fields are read with
 * its very tests: a text-only <entry> is a string, whose `link` is String.prototype.link, and fails as it did.
 */
function buildAtom(atom: XmlNode): RssParserFeed {
  const feed: RssParserFeed = { items: [] };
  if (atom.link) feed.link = rssUtils.getLink(atom.link, 'alternate', 0);
  const title = atomTitle(atom);
  if (title) feed.title = title;
  feed.items = (Array.isArray(atom.entry) ? (atom.entry as LooseNode[]) : []).map((entry) => {
    const item: Record<string, unknown> = {};
    rssUtils.copyFromXML(entry, item, CUSTOM_ITEM_FIELDS);
    const entryTitle = atomTitle(entry);
    if (entryTitle) item.title = entryTitle;
    if (entry.link && entry.link.length) item.link = rssUtils.getLink(entry.link, 'alternate', 0);
    if (entry.author && entry.author.length && entry.author[0].name && entry.author[0].name.length) item.author = entry.author[0].name[0];
    if (entry.content && entry.content.length) item.content = rssUtils.getContent(entry.content[0]);
    if (entry.summary && entry.summary.length) item.summary = rssUtils.getContent(entry.summary[0]);
    if (entry.id) item.id = entry.id[0];
    return item;
  });
  return feed;
}

/** A node read the way rss-parser reads one, without checking its shape: any field may be missing or odd. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors rss-parser's untyped reads, quirks included
type LooseNode = any;

/** `title[0] || ''`, its text when it has one, as rss-parser reads an Atom title. */
function atomTitle(node: LooseNode): unknown {
  if (!node.title) return undefined;
  const title: LooseNode = node.title[0] || '';
  return title._ || title;
}

/**
 * rss-parser's parseItemAtom converts published/updated with `new Date(…).toISOString()`, which throws on a
 * localised date and would lose the whole feed (buildAtom leaves that step out, and the dates keep the names the
 * custom fields read them under); its getLink assumes every Atom link has attributes, so bare links gain `href`.
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
