import { parseHTML } from 'linkedom';

/** The slice of the DOM link extraction needs (the server build has no DOM lib types). */
export interface HtmlElement {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
  closest(selector: string): HtmlElement | null;
}

export interface HtmlDocument {
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
}

/**
 * A linkedom document for link discovery. Scripts, styles and comments are dropped first: they
 * hold no links worth following and building them is half the cost of the DOM.
 */
export function parseHtmlDocument(html: string): HtmlDocument {
  return parseHTML(stripSections(html)).document as unknown as HtmlDocument;
}

/** The base URL links on the page resolve against: its `<base href>` if valid, else the page URL. */
export function documentBaseUrl(document: HtmlDocument, pageUrl: string): string {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  if (!href) return pageUrl;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    return pageUrl;
  }
}

const SECTIONS: [string, string][] = [
  ['<script', '</script'],
  ['<style', '</style'],
  ['<!--', '-->'],
];

/**
 * Removes script and style elements and comments in one left-to-right pass with indexOf (a lazy
 * regular expression rescans the rest of the page for every unclosed `<script`); an unclosed
 * section runs to the end of the page, as it would in a browser.
 */
function stripSections(html: string): string {
  // ASCII-only lowering keeps indices aligned (toLowerCase turns "İ" into two code units).
  const lower = html.replace(/[A-Z]+/g, (run) => run.toLowerCase());
  // Next occurrence of each opener, searched again only once passed: the pass stays linear.
  const next = SECTIONS.map(([open]) => lower.indexOf(open));
  let out = '';
  let from = 0;
  for (;;) {
    let pick = -1;
    SECTIONS.forEach(([open], i) => {
      if (next[i] !== -1 && next[i] < from) next[i] = lower.indexOf(open, from);
      if (next[i] !== -1 && (pick === -1 || next[i] < next[pick])) pick = i;
    });
    if (pick === -1) return out + html.slice(from);
    const start = next[pick];
    const close = SECTIONS[pick][1];
    out += html.slice(from, start);
    const closeAt = lower.indexOf(close, start);
    if (closeAt === -1) return out;
    const gt = lower.indexOf('>', closeAt + close.length - 1);
    from = gt === -1 ? html.length : gt + 1;
  }
}
