import { DOMParser } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

// Elements whose start and end break a paragraph in reading order.
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** linkedom's document, typed as the standard DOM it implements (only the subset used here). */
export function parseDocument(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName);
}

/** Text content with runs of whitespace collapsed, as a reader sees it on one line. */
export function visibleText(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Share of an element's text that sits inside links (0 for an element without text). */
export function linkDensity(element: Element): number {
  const total = visibleText(element).length;
  if (total === 0) return 0;
  let linked = 0;
  for (const link of element.querySelectorAll('a')) linked += visibleText(link).length;
  return Math.min(1, linked / total);
}

/**
 * Visible text, its length and link density of the elements of one tree, each computed once while
 * a cleaner walks the tree pass after pass: linkedom's textContent walks the whole subtree on every
 * call, so asking it for every block of a page (and again for each of its links) is quadratic.
 * An element's text is built from its children's, so the values stay exact as long as every removal
 * goes through `remove`, which forgets the values of the ancestors it changes and remembers what left.
 */
export class TextIndex {
  private readonly collapsed = new Map<Node, CollapsedText>();
  private readonly linkedLengths = new Map<Element, number>();
  private readonly removed = new Set<Element>();

  /** visibleText(node), read from the index. */
  text(node: Node): string {
    return this.collapsedText(node).text.trim();
  }

  /** visibleText(node).length without building the string. */
  length(node: Node): number {
    const { text, leadingSpace, trailingSpace } = this.collapsedText(node);
    return Math.max(0, text.length - Number(leadingSpace) - Number(trailingSpace));
  }

  /** linkDensity(element), read from the index. */
  linkDensity(element: Element): number {
    const total = this.length(element);
    return total === 0 ? 0 : Math.min(1, this.linkedLength(element) / total);
  }

  remove(element: Element): void {
    for (let node: Node | null = element.parentNode; node; node = node.parentNode) {
      this.collapsed.delete(node);
      this.linkedLengths.delete(node as Element);
    }
    element.remove();
    if (this.removed.has(element)) return;
    this.removed.add(element);
    for (const descendant of descendants(element)) this.removed.add(descendant);
  }

  /**
   * Whether `element` left the tree through `remove`, itself or with an ancestor: a set lookup where
   * walking up to the root costs the depth of the tree for every element of every pass.
   */
  isRemoved(element: Element): boolean {
    return this.removed.has(element);
  }

  /** Length of the text inside the element's descendant links (a link inside a link counts twice, as querySelectorAll('a') does). */
  private linkedLength(element: Element): number {
    return bottomUp(element, this.linkedLengths, (current) => [...current.children], (current, children) =>
      children.reduce((sum, child) => sum + (child.localName.toLowerCase() === 'a' ? this.length(child) : 0) + this.linkedLengths.get(child)!, 0),
    );
  }

  private collapsedText(node: Node): CollapsedText {
    const childrenOf = (current: Node): Node[] => (current.nodeType === ELEMENT_NODE ? [...current.childNodes] : []);
    return bottomUp(node, this.collapsed, childrenOf, (current, children) => {
      if (current.nodeType === TEXT_NODE || current.nodeType === CDATA_SECTION_NODE) return collapse(current.textContent ?? '');
      return joinCollapsed(children.map((child) => this.collapsed.get(child)!));
    });
  }
}

/**
 * The value of `root` from its children's values, filling `known` for every node of the subtree it had
 * to compute. Iterative, because publisher markup can nest deeper than the call stack.
 */
function bottomUp<N, V>(root: N, known: Map<N, V>, childrenOf: (node: N) => N[], combine: (node: N, children: N[]) => V): V {
  const pending: { node: N; children: N[] | null }[] = [{ node: root, children: null }];
  while (pending.length > 0) {
    const top = pending[pending.length - 1];
    if (top.children === null) {
      if (known.has(top.node)) {
        pending.pop();
        continue;
      }
      top.children = childrenOf(top.node);
      for (let index = top.children.length - 1; index >= 0; index -= 1) {
        if (!known.has(top.children[index])) pending.push({ node: top.children[index], children: null });
      }
      continue;
    }
    known.set(top.node, combine(top.node, top.children));
    pending.pop();
  }
  return known.get(root)!;
}

/** Text with every whitespace run replaced by one space (not trimmed), and whether it starts or ends with one. */
interface CollapsedText {
  text: string;
  leadingSpace: boolean;
  trailingSpace: boolean;
}

// Whitespace that replace(/\s+/g, ' ') would change: testing for it first is several times faster than replacing,
// and most text nodes have none.
const UNCOLLAPSED_SPACE = /[^\S ]| {2}/;

// The same for the whitespace a browser collapses in rendered HTML text.
const UNCOLLAPSED_HTML_SPACE = /[\t\r\n\f\u00a0]| {2}/;

function collapse(raw: string): CollapsedText {
  const text = UNCOLLAPSED_SPACE.test(raw) ? raw.replace(/\s+/g, ' ') : raw;
  return { text, leadingSpace: text.startsWith(' '), trailingSpace: text.endsWith(' ') };
}

/** The collapsed text of a concatenation: where two spaces meet at a seam, one goes. */
function joinCollapsed(parts: readonly CollapsedText[]): CollapsedText {
  let joined: CollapsedText = { text: '', leadingSpace: false, trailingSpace: false };
  for (const part of parts) {
    if (part.text === '') continue;
    if (joined.text === '') joined = part;
    else {
      const text = joined.trailingSpace && part.leadingSpace ? joined.text + part.text.slice(1) : joined.text + part.text;
      joined = { text, leadingSpace: joined.leadingSpace, trailingSpace: part.trailingSpace };
    }
  }
  return joined;
}

/** class and id words, e.g. `<div id="box-comment" class="box tin-lien-quan">` → ["box-comment", "box", "tin-lien-quan"]. */
export function nameTokens(element: Element): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Every element under `root` (not root itself) in document order, like querySelectorAll('*') but
 * without going through linkedom's selector engine.
 */
export function descendants(root: Element): Element[] {
  const found: Element[] = [];
  let node = root.firstElementChild;
  while (node) {
    found.push(node);
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== root ? node.nextElementSibling : null;
  }
  return found;
}

/** Matches tag names as a CSS type selector does, ignoring case: Readability creates its elements in upper case. */
export function tagIn(names: Iterable<string>): (element: Element) => boolean {
  const set = new Set(names);
  return (element) => set.has(element.localName.toLowerCase());
}

/** A block with no block-level children: one paragraph of reading text (p, or a div used as one). */
export function isLeafBlock(element: Element): boolean {
  return isBlock(element) && ![...element.children].some(isBlock);
}

/**
 * Plain text of an element in reading order: one paragraph per block, paragraphs separated by a blank
 * line, `<br>` kept as a line break inside its paragraph, table cells of a row on one line, whitespace
 * collapsed as a browser renders it.
 */
export function blockText(root: Element): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    // Each replace runs only when there is something to replace: most paragraphs have no run and no <br>.
    let paragraph = UNCOLLAPSED_HTML_SPACE.test(current) ? current.replace(/[ \t\r\n\f\u00a0]+/g, ' ') : current;
    if (paragraph.includes('\u2028')) {
      paragraph = paragraph.replace(/ ?\u2028 ?/g, '\n').replace(/\n{3,}/g, '\n\n'); // <br><br> is how old CMSs separate paragraphs
    }
    paragraph = paragraph.trim();
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === TEXT_NODE) {
        current += child.textContent ?? '';
      } else if (child.nodeType === ELEMENT_NODE) {
        const element = child as Element;
        if (element.localName === 'br') {
          current += '\u2028'; // a marker the whitespace collapse leaves alone
        } else if (isBlock(element)) {
          flush();
          walk(element);
          flush();
        } else {
          if (element.localName === 'td' || element.localName === 'th') current += ' ';
          walk(element);
        }
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}
