import {
  BOILERPLATE_LABEL,
  NON_CONTENT_ROLES,
  NON_CONTENT_TAGS,
  RELATED_PREFIX,
  SHARE_BAR_WORDS,
  foldedWords,
  isBoilerplateName,
  isCaptionLine,
  isCaptionName,
  isCookieNotice,
  isDateline,
  isLabelLine,
  isNewsletterPitch,
  isSectionTitle,
  isShareLink,
} from './boilerplate-patterns';
import { isBlock, isLeafBlock, linkDensity, nameTokens, visibleText } from './dom-text';

export interface CleanOptions {
  /** The publisher-declared article body: it and its ancestors are never removed. */
  protect?: Element | null;
  /**
   * `page` cleans a whole document before Readability scores it; `content` also cleans an extracted
   * article: headline repeats, datelines, byline lines and link lists that only make sense on the page.
   */
  mode: 'page' | 'content';
  title?: string | null;
  bylineNames?: readonly string[];
  /** Live blogs: timestamps are part of each entry, so datelines stay. */
  keepTimestamps?: boolean;
}

const MEDIA = 'img, picture, video, audio';

/** Removes the page furniture Readability leaves in (or trips over) from `root`, in place. */
export function removeBoilerplate(root: Element, options: CleanOptions): void {
  const rootTextLength = visibleText(root).length;
  const isProtected = (element: Element): boolean =>
    element === root || (options.protect != null && element.contains(options.protect));
  // A box that carries most of the page's reading text is the article, whatever its class says.
  const isMajorContent = (element: Element): boolean => {
    const length = visibleText(element).length;
    if (rootTextLength > 200 && length > rootTextLength * 0.5 && linkDensity(element) < 0.5) return true;
    const paragraphs = [...element.querySelectorAll('p')].filter((p) => visibleText(p).length >= 100 && linkDensity(p) < 0.3);
    return paragraphs.length >= 3;
  };
  const removable = (element: Element): boolean => isAttached(element, root) && !isProtected(element) && !isMajorContent(element);
  const each = (selector: string, visit: (element: Element) => void): void => {
    for (const element of root.querySelectorAll(selector)) if (isAttached(element, root)) visit(element);
  };

  // Script-driven controls ("Bấm vào đây" that runs code) are interface, not text.
  each('a[href]', (element) => {
    if (/^\s*javascript:/i.test(element.getAttribute('href') ?? '') && !isProtected(element)) element.remove();
  });
  each(NON_CONTENT_TAGS.join(','), (element) => {
    if (element.localName === 'form' ? removable(element) : !isProtected(element)) element.remove();
  });
  each('[role], [aria-label]', (element) => {
    const role = element.getAttribute('role')?.toLowerCase() ?? '';
    const label = element.getAttribute('aria-label') ?? '';
    if ((NON_CONTENT_ROLES.has(role) || BOILERPLATE_LABEL.test(label)) && removable(element)) element.remove();
  });
  each('[class], [id]', (element) => {
    const tokens = nameTokens(element);
    if (!tokens.some(isBoilerplateName) || !removable(element)) return;
    if (tokens.some(isCaptionName) && element.querySelector(MEDIA)) return; // the caption box holds the photo
    element.remove();
  });
  each('div, ul, ol, p, section, span', (element) => {
    if (isShareBar(element) && removable(element)) element.remove();
  });
  each('p, div, li, span, h2, h3, h4, h5, h6', (element) => {
    if (!isLeafBlock(element) && element.localName !== 'span') return;
    const text = visibleText(element);
    if (isCookieNotice(text) && text.length < 600) removeUpTo(element, 600, removable);
    else if (isNewsletterPitch(text) && text.length < 200) removeUpTo(element, 300, removable);
  });
  each('h1, h2, h3, h4, h5, h6, p, div, span, strong, b, li', (element) => {
    const text = visibleText(element);
    if (isSectionTitle(text)) removeSection(element, root, isProtected);
    else if (isLabelLine(text) && !isProtected(element)) element.remove();
    else if (isLeafBlock(element) && RELATED_PREFIX.test(text) && (linkDensity(element) >= 0.4 || text.length < 160)) element.remove();
  });
  each('figure p, figure div, p, div', (element) => {
    if (!isLeafBlock(element) || element.querySelector(MEDIA)) return;
    const text = visibleText(element);
    const inFigure = element.closest('figure') !== null;
    if ((inFigure && text.length <= 300) || isCaptionLine(text)) element.remove();
  });

  if (options.mode === 'content') cleanContent(root, options, each);
}

function cleanContent(root: Element, options: CleanOptions, each: (selector: string, visit: (element: Element) => void) => void): void {
  const title = options.title ? foldedWords(options.title).join(' ') : null;
  each('h1', (element) => element.remove());
  each('h2, h3, h4, h5, h6, p, div', (element) => {
    if (title !== null && isLeafBlock(element) && foldedWords(visibleText(element)).join(' ') === title) element.remove();
  });
  if (!options.keepTimestamps) {
    each('p, div, span, time', (element) => {
      if ((isLeafBlock(element) || element.localName !== 'div') && isDateline(visibleText(element))) element.remove();
    });
  }
  removeBylineLines(root, options.bylineNames ?? []);
  each('ul, ol, div, section, table, p, dl', (element) => {
    if (element !== root && linkDensity(element) > 0.7) element.remove();
  });
  // Deepest first, so a wrapper emptied by the removals above goes too.
  for (const element of [...root.querySelectorAll('*')].reverse()) {
    if (isBlock(element) && visibleText(element) === '' && !element.querySelector(MEDIA)) element.remove();
  }
}

/** A line at the start or end of the article that only repeats the author names ("Minh Anh - Thu Hà", "By Jane Doe"). */
function removeBylineLines(root: Element, names: readonly string[]): void {
  const nameWords = new Set(names.flatMap(foldedWords));
  if (nameWords.size === 0) return;
  const leaves = [...root.querySelectorAll('p, div')].filter((element) => isLeafBlock(element) && visibleText(element) !== '');
  const edges = new Set([...leaves.slice(0, 2), ...leaves.slice(-3)]);
  for (const element of edges) {
    const text = visibleText(element);
    const words = foldedWords(text).filter((word) => !['by', 'bai', 'va', 'and', 'theo', 'anh', 'thuc', 'hien'].includes(word) || nameWords.has(word));
    if (text.length <= 80 && words.length > 0 && words.every((word) => nameWords.has(word))) element.remove();
  }
}

/** A share bar: two or more share links and no text besides "Chia sẻ", "Share this article" and the links. */
function isShareBar(element: Element): boolean {
  const links = [...element.querySelectorAll('a')];
  if (links.filter((link) => isShareLink(link.getAttribute('href') ?? '')).length < 2) return false;
  let ownText = visibleText(element);
  for (const link of links) ownText = ownText.replace(visibleText(link), ' ');
  return ownText.replace(SHARE_BAR_WORDS, ' ').replace(/\s+/g, '').length <= 20;
}

/**
 * Removes a titled box of links ("Tin liên quan" + list): the whole box when everything else in it is
 * a teaser, otherwise the title and the teasers that follow it (a list inlined in the article body).
 */
function removeSection(heading: Element, root: Element, isProtected: (element: Element) => boolean): void {
  let title = heading;
  while (title.parentElement && title.parentElement !== root && visibleText(title.parentElement) === visibleText(title)) {
    title = title.parentElement;
  }
  const box = title.parentElement;
  if (box && !isProtected(box) && !box.querySelector('h1')) {
    const others = [...box.children].filter((child) => child !== title && visibleText(child) !== '');
    if (others.length > 0 && others.every(isTeaser)) {
      box.remove();
      return;
    }
  }
  if (isProtected(title)) return;
  let next = title.nextElementSibling;
  while (next && (isTeaser(next) || visibleText(next) === '')) {
    const following = next.nextElementSibling;
    next.remove();
    next = following;
  }
  title.remove();
}

/** A link list or a card that starts with its headline link. */
function isTeaser(element: Element): boolean {
  if (!element.querySelector('a')) return false;
  if (linkDensity(element) >= 0.5) return true;
  const firstLink = element.querySelector('a');
  return firstLink !== null && visibleText(element).startsWith(visibleText(firstLink));
}

function removeUpTo(element: Element, maxLength: number, removable: (element: Element) => boolean): void {
  if (!removable(element)) return;
  let target = element;
  while (target.parentElement && visibleText(target.parentElement).length < maxLength && removable(target.parentElement)) {
    target = target.parentElement;
  }
  target.remove();
}

function isAttached(element: Element, root: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) if (node === root) return true;
  return false;
}
