import { DOMParser } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

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

// Whitespace that blockText's collapse would change (a browser collapses these in rendered HTML text).
const UNCOLLAPSED_HTML_SPACE = /[\t\r\n\f\u00a0]| {2}/;

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
