import { repairEntities } from './xml-text';

/** Elements whose end marks a complete, salvageable record. */
const RECORD_ELEMENTS = new Set(['item', 'entry', 'url', 'sitemap']);

/** HTML void elements written unclosed in unescaped descriptions (`<br>`); `link` is an RSS element, not one. */
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'wbr', 'input', 'meta', 'source']);

const NAME_START = /[A-Za-z_]/;
const MAX_DEPTH = 256;
const NAME_END = /[\s/>]/;

const KNOWN_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['atom', 'http://www.w3.org/2005/Atom'],
  ['content', 'http://purl.org/rss/1.0/modules/content/'],
  ['dc', 'http://purl.org/dc/elements/1.1/'],
  ['dcterms', 'http://purl.org/dc/terms/'],
  ['georss', 'http://www.georss.org/georss'],
  ['image', 'http://www.google.com/schemas/sitemap-image/1.1'],
  ['itunes', 'http://www.itunes.com/dtds/podcast-1.0.dtd'],
  ['media', 'http://search.yahoo.com/mrss/'],
  ['news', 'http://www.google.com/schemas/sitemap-news/0.9'],
  ['rdf', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
  ['slash', 'http://purl.org/rss/1.0/modules/slash/'],
  ['sy', 'http://purl.org/rss/1.0/modules/syndication/'],
  ['wfw', 'http://wellformedweb.org/CommentAPI/'],
]);

/**
 * The recovery pass, run only after a strict parse failed: makes the document well-formed while
 * keeping every complete record. Entities are repaired outside CDATA, stray `<` escaped, unclosed
 * void elements self-closed, stray end tags dropped and missing ones inserted, undeclared
 * namespace prefixes declared on the root; a truncated document is cut after its last complete
 * item/entry and its open ancestors are closed. One linear scan, no regular-expression backtracking.
 */
export function repairXml(xml: string): string {
  return declareNamespacePrefixes(balance(xml));
}

interface Boundary {
  length: number;
  open: string[];
}

function balance(xml: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let outLength = 0;
  let lastRecord: Boundary | null = null;
  let firstRecord: Boundary | null = null;
  let truncated = false;
  const openCount = new Map<string, number>();
  const pop = (): string => {
    const name = open.pop() as string;
    openCount.set(name, (openCount.get(name) ?? 1) - 1);
    return name;
  };
  const emit = (piece: string) => {
    out.push(piece);
    outLength += piece.length;
  };

  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    emit(repairEntities(xml.slice(i, lt === -1 ? xml.length : lt)));
    if (lt === -1) break;
    const special = specialSectionEnd(xml, lt);
    if (special !== null) {
      if (special === -1) {
        truncated = true;
        break;
      }
      // Declarations (`<!ENTITY …>` left outside a DOCTYPE) are dropped, never interpreted.
      if (!xml.startsWith('<!', lt) || xml.startsWith('<![CDATA[', lt) || xml.startsWith('<!--', lt)) {
        emit(xml.slice(lt, special));
      }
      i = special;
      continue;
    }
    const closing = xml[lt + 1] === '/';
    const nameStart = lt + (closing ? 2 : 1);
    if (!NAME_START.test(xml[nameStart] ?? '')) {
      emit('&lt;');
      i = lt + 1;
      continue;
    }
    const gt = tagEnd(xml, nameStart);
    if (gt === INTERRUPTED) {
      emit('&lt;');
      i = lt + 1;
      continue;
    }
    if (gt === -1) {
      truncated = true;
      break;
    }
    let nameEnd = nameStart;
    while (nameEnd < gt && !NAME_END.test(xml[nameEnd])) nameEnd++;
    const name = xml.slice(nameStart, nameEnd);
    const tag = repairEntities(xml.slice(lt, gt + 1));
    i = gt + 1;
    if (closing) {
      if (!openCount.get(name)) continue;
      // Each element is pushed and popped once, so closing what a stray end tag skips stays linear.
      for (let popped = pop(); popped !== name; popped = pop()) emit(`</${popped}>`);
      emit(tag);
      if (RECORD_ELEMENTS.has(localName(name))) lastRecord = { length: outLength, open: [...open] };
    } else if (xml[gt - 1] === '/') {
      emit(tag);
    } else if (VOID_ELEMENTS.has(name.toLowerCase())) {
      emit(`${tag.slice(0, -1)}/>`);
    } else if (open.length === MAX_DEPTH) {
      // No feed nests this deep; treat the rest as garbage and keep the complete records.
      truncated = true;
      break;
    } else {
      if (!lastRecord && !firstRecord && RECORD_ELEMENTS.has(localName(name))) {
        firstRecord = { length: outLength, open: [...open] };
      }
      open.push(name);
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
      emit(tag);
    }
  }

  let text = out.join('');
  let stillOpen = open;
  // Cut a truncated document after its last complete record, or before its first partial one.
  const cut = truncated || open.length > 0 ? (lastRecord ?? firstRecord) : null;
  if (cut) {
    text = text.slice(0, cut.length);
    stillOpen = cut.open;
  }
  return text + stillOpen.reverse().map((name) => `</${name}>`).join('');
}

/**
 * End index of the CDATA section, comment, processing instruction or declaration starting at
 * `at`; -1 when it is unterminated; null when none starts there.
 */
function specialSectionEnd(xml: string, at: number): number | null {
  const ends: [string, string][] = [
    ['<![CDATA[', ']]>'],
    ['<!--', '-->'],
    ['<?', '?>'],
    ['<!', '>'],
  ];
  for (const [start, end] of ends) {
    if (xml.startsWith(start, at)) {
      const close = xml.indexOf(end, at + start.length);
      return close === -1 ? -1 : close + end.length;
    }
  }
  return null;
}

/** A `<` met before the `>`: the first one was text ("Tom <Jerry </title>"), not a tag. */
const INTERRUPTED = -2;

/** Index of the `>` ending the tag whose name starts at `from`, skipping quoted attribute values; -1 at the end of the text. */
function tagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    } else if (c === '<') {
      return INTERRUPTED;
    }
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Adds `xmlns:p` declarations to the root element for prefixes used but never declared. */
export function declareNamespacePrefixes(xml: string): string {
  const used = new Set<string>();
  for (const match of xml.matchAll(/<\/?([A-Za-z_][\w.-]*):[A-Za-z_]/g)) used.add(match[1]);
  for (const match of xml.matchAll(/\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=\s*["']/g)) used.add(match[1]);
  used.delete('xml');
  used.delete('xmlns');
  const missing = [...used].filter((prefix) => !xml.includes(`xmlns:${prefix}=`));
  if (missing.length === 0) return xml;
  const root = /<[A-Za-z_][\w:.-]*/.exec(xml);
  if (!root) return xml;
  const insertAt = root.index + root[0].length;
  const declarations = missing
    .map((prefix) => ` xmlns:${prefix}="${KNOWN_NAMESPACES.get(prefix) ?? `urn:x-undeclared:${prefix}`}"`)
    .join('');
  return xml.slice(0, insertAt) + declarations + xml.slice(insertAt);
}
