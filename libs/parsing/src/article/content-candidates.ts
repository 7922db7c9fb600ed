import { descendants, isLeafBlock, tagIn } from './dom-text';
import type { TextIndex } from './text-index';
import { stripNonContent } from './html-prefilter';

// The blocks a paragraph of reading text comes in.
const isParagraphTag = tagIn(['p', 'div', 'td', 'li', 'blockquote', 'pre']);

/** The element schema.org microdata declares as the article body (`itemprop="articleBody"`), if any has text. */
export function findDeclaredBody(document: Document, text: TextIndex): Element | null {
  const declared = [...document.querySelectorAll('[itemprop]')].find((element) =>
    (element.getAttribute('itemprop') ?? '').split(/\s+/).includes('articleBody'),
  );
  return declared && text.length(declared) > 0 ? declared : null;
}

/** The `<article>` with the most paragraph text (teaser cards are `<article>`s too), or null. */
export function findMainArticleElement(document: Document, text: TextIndex): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const article of document.querySelectorAll('article')) {
    const length = paragraphTextLength(article, text);
    if (length > bestLength) [best, bestLength] = [article, length];
  }
  return best;
}

/**
 * The element whose own paragraphs hold the most reading text: a paragraph is a leaf block of at
 * least 20 characters that is not mostly links, credited to its parent. Finds short articles that
 * fall under Readability's 500-character threshold, where its best guess is often a list of teasers.
 */
export function findLargestTextBlock(document: Document, text: TextIndex): Element | null {
  const totals = new Map<Element, number>();
  for (const block of descendants(document.body)) {
    if (!isParagraphTag(block) || !isLeafBlock(block) || !block.parentElement) continue;
    const length = text.length(block);
    if (length < 20 || text.linkDensity(block) > 0.3) continue;
    totals.set(block.parentElement, (totals.get(block.parentElement) ?? 0) + length);
  }
  let best: Element | null = null;
  let bestLength = 0;
  for (const [element, length] of totals) if (length > bestLength) [best, bestLength] = [element, length];
  return best;
}

/** Length of an element's non-link paragraph text, the measure both fallbacks compare by. */
export function paragraphTextLength(element: Element, text: TextIndex): number {
  let total = 0;
  for (const block of descendants(element)) {
    if (isParagraphTag(block) && isLeafBlock(block) && text.linkDensity(block) <= 0.3) total += text.length(block);
  }
  return total;
}

/**
 * An article body from JSON-LD `articleBody`: one `<p>` per line of plain text. Some CMSs put HTML
 * there instead (or HTML-escape the text), so markup is parsed, scripts dropped, entities decoded.
 */
export function bodyFromJsonLd(document: Document, body: string): Element {
  const container = document.createElement('div');
  if (/<(?:p|br|div|h[2-6]|ul|ol|blockquote)\b[^>]*>/i.test(body)) {
    container.innerHTML = stripNonContent(body);
    return container;
  }
  for (const line of body.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const paragraph = document.createElement('p');
    paragraph.innerHTML = line.trim().replace(/</g, '&lt;'); // entities decode, no tag can form
    container.append(paragraph);
  }
  return container;
}
