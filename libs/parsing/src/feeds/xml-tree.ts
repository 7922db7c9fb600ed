import type { XmlNode } from './rss-parser-sync';

/**
 * The tree xml2js (as rss-parser configures it: strict sax, explicitArray, `$` attributes, `_` text) builds for a
 * well-formed document, built in one pass with indexOf over the text instead of sax's state machine per character:
 * xml2js was half the time of parsing a feed. Only what this reads exactly as sax and xml2js do is accepted: ASCII
 * names, quoted attributes, the five XML entities and numeric references, comments, CDATA, processing instructions.
 * Anything else — an error sax reports, and the rarer constructs where its leniency would have to be copied — answers
 * null, and the caller hands the document to xml2js itself, so every feed reads as it did; a spec compares the two.
 */
export function fastXmlTree(xml: string): XmlNode | null {
  try {
    return new TreeReader(xml).read();
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  }
}

/** Thrown to leave the document to xml2js. */
const UNSUPPORTED = new Error('not read by the fast XML reader');

type Node = XmlNode | string;
type Children = Record<string, Node[]>;

interface Frame {
  name: string;
  attributes: Record<string, string> | null;
  children: Children | null;
  text: string;
  cdata: boolean;
}

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const AMPERSAND = '&';
// Names xml2js gives a meaning of its own in a node (text, attributes, its CDATA flag).
const RESERVED_NAMES = new Set(['_', '$', 'cdata']);

class TreeReader {
  private position = 0;
  private readonly stack: Frame[] = [];
  private root: XmlNode | null = null;

  constructor(private readonly xml: string) {}

  read(): XmlNode {
    const { xml } = this;
    while (this.position < xml.length) {
      const lt = xml.indexOf('<', this.position);
      const textEnd = lt === -1 ? xml.length : lt;
      if (textEnd > this.position) this.text(xml.slice(this.position, textEnd));
      if (lt === -1) break;
      const next = xml.charCodeAt(lt + 1);
      if (next === SLASH) this.closeTag(lt);
      else if (next === BANG) this.declaration(lt);
      else if (next === QUESTION) this.processingInstruction(lt);
      else this.openTag(lt);
    }
    // Unclosed elements, or no root at all: sax's errors.
    if (!this.root || this.stack.length > 0) throw UNSUPPORTED;
    return this.root;
  }

  private text(raw: string): void {
    const frame = this.stack[this.stack.length - 1];
    // Outside the root only sax's whitespace may stand; anything else is its "Non-whitespace before first tag".
    if (!frame) {
      if (!isSaxWhitespaceOnly(raw)) throw UNSUPPORTED;
      return;
    }
    frame.text += raw.includes(AMPERSAND) ? decodeReferences(raw) : raw;
  }

  private openTag(lt: number): void {
    if (this.root) throw UNSUPPORTED; // a second root element
    const { xml } = this;
    const nameEnd = nameEndAt(xml, lt + 1);
    const name = xml.slice(lt + 1, nameEnd);
    if (RESERVED_NAMES.has(name)) throw UNSUPPORTED;
    let attributes: Record<string, string> | null = null;
    let index = nameEnd;
    for (;;) {
      const before = index;
      index = skipSaxWhitespace(xml, index);
      const code = xml.charCodeAt(index);
      if (code === GT) {
        this.position = index + 1;
        this.stack.push({ name, attributes, children: null, text: '', cdata: false });
        return;
      }
      if (code === SLASH) {
        if (xml.charCodeAt(index + 1) !== GT) throw UNSUPPORTED;
        this.position = index + 2;
        this.stack.push({ name, attributes, children: null, text: '', cdata: false });
        this.closeTop();
        return;
      }
      // An attribute must be set apart from the name or the value before it.
      if (index === before) throw UNSUPPORTED;
      const attributeEnd = nameEndAt(xml, index);
      const attribute = xml.slice(index, attributeEnd);
      // sax keeps attributes on a plain object and asks it hasOwnProperty: inherited names would break it.
      if (attribute in Object.prototype) throw UNSUPPORTED;
      index = skipSaxWhitespace(xml, attributeEnd);
      if (xml.charCodeAt(index) !== EQUALS) throw UNSUPPORTED;
      index = skipSaxWhitespace(xml, index + 1);
      const quote = xml[index];
      if (quote !== '"' && quote !== "'") throw UNSUPPORTED;
      const close = xml.indexOf(quote, index + 1);
      if (close === -1) throw UNSUPPORTED;
      const raw = xml.slice(index + 1, close);
      attributes ??= Object.create(null) as Record<string, string>;
      // A repeated attribute keeps its first value, as in sax.
      if (!(attribute in attributes)) attributes[attribute] = raw.includes(AMPERSAND) ? decodeReferences(raw) : raw;
      index = close + 1;
    }
  }

  private closeTag(lt: number): void {
    const { xml } = this;
    const nameEnd = nameEndAt(xml, lt + 2);
    const gt = skipSaxWhitespace(xml, nameEnd);
    const frame = this.stack[this.stack.length - 1];
    if (xml.charCodeAt(gt) !== GT || !frame || frame.name !== xml.slice(lt + 2, nameEnd)) throw UNSUPPORTED;
    this.position = gt + 1;
    this.closeTop();
  }

  /** xml2js's close: a node without attributes or children is its text; whitespace-only text goes unless CDATA. */
  private closeTop(): void {
    const frame = this.stack.pop()!;
    let node: Node;
    if (!frame.attributes && !frame.children) {
      node = frame.text;
    } else if (!frame.attributes && !frame.cdata && isWhitespaceOnly(frame.text)) {
      node = frame.children!; // already a null-prototype object, children in order: an element of elements, most often
    } else {
      const object = Object.create(null) as XmlNode;
      if (frame.cdata || !isWhitespaceOnly(frame.text)) object._ = frame.text;
      if (frame.attributes) object.$ = frame.attributes;
      if (frame.children) Object.assign(object, frame.children);
      node = object;
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      parent.children ??= Object.create(null) as Children;
      const siblings = parent.children[frame.name];
      if (siblings) siblings.push(node);
      else parent.children[frame.name] = [node];
    } else {
      this.root = Object.create(null) as XmlNode;
      this.root[frame.name] = node;
    }
  }

  private declaration(lt: number): void {
    const { xml } = this;
    if (xml.startsWith('<!--', lt)) {
      // sax fails on "--" inside a comment: the first one must end it.
      const end = xml.indexOf('--', lt + 4);
      if (end === -1 || xml.charCodeAt(end + 2) !== GT) throw UNSUPPORTED;
      this.position = end + 3;
      return;
    }
    const frame = this.stack[this.stack.length - 1];
    if (!frame || !xml.startsWith('<![CDATA[', lt)) throw UNSUPPORTED;
    const end = xml.indexOf(']]>', lt + 9);
    if (end === -1) throw UNSUPPORTED;
    frame.text += xml.slice(lt + 9, end);
    frame.cdata = true;
    this.position = end + 3;
  }

  private processingInstruction(lt: number): void {
    const end = this.xml.indexOf('?>', lt + 2);
    if (end === -1 || !isNameStart(this.xml.charCodeAt(lt + 2))) throw UNSUPPORTED;
    this.position = end + 2;
  }
}

function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x3a;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e;
}

/** End of the ASCII XML name starting at `from`; one that is empty or runs on into any other name character is left to sax. */
function nameEndAt(xml: string, from: number): number {
  if (!isNameStart(xml.charCodeAt(from))) throw UNSUPPORTED;
  let end = from + 1;
  while (isNameChar(xml.charCodeAt(end))) end += 1;
  const after = xml.charCodeAt(end);
  if (after !== GT && after !== SLASH && after !== EQUALS && !isSaxWhitespace(after)) throw UNSUPPORTED;
  return end;
}

/** sax's whitespace: space, tab, line feed and carriage return only. */
function isSaxWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function skipSaxWhitespace(xml: string, from: number): number {
  let index = from;
  while (isSaxWhitespace(xml.charCodeAt(index))) index += 1;
  return index;
}

function isSaxWhitespaceOnly(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (!isSaxWhitespace(text.charCodeAt(index))) return false;
  return true;
}

const NON_WHITESPACE = /\S/;

/** xml2js's test for text it drops (/^\s*$/, JavaScript's whitespace). */
function isWhitespaceOnly(text: string): boolean {
  return !NON_WHITESPACE.test(text);
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NUMERIC_REFERENCE = /^#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/;

/** The five XML entities and numeric references to XML characters, decoded; any other reference is left to sax. */
function decodeReferences(raw: string): string {
  let decoded = '';
  let from = 0;
  for (let amp = raw.indexOf(AMPERSAND); amp !== -1; amp = raw.indexOf(AMPERSAND, from)) {
    const semicolon = raw.indexOf(';', amp + 1);
    if (semicolon === -1 || semicolon - amp > 10) throw UNSUPPORTED;
    const name = raw.slice(amp + 1, semicolon);
    decoded += raw.slice(from, amp) + (Object.hasOwn(XML_ENTITIES, name) ? XML_ENTITIES[name] : numericReference(name));
    from = semicolon + 1;
  }
  return decoded + raw.slice(from);
}

function numericReference(name: string): string {
  const match = NUMERIC_REFERENCE.exec(name);
  if (!match) throw UNSUPPORTED;
  const code = match[1] !== undefined ? parseInt(match[1], 16) : Number(match[2]);
  if (!isXmlCharacter(code)) throw UNSUPPORTED;
  return String.fromCodePoint(code);
}

function isXmlCharacter(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
