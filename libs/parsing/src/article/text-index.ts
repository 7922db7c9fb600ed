import { CDATA_SECTION_NODE, ELEMENT_NODE, TEXT_NODE, descendants } from './dom-text';

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
