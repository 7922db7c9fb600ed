import {
  BOILERPLATE_LABEL,
  NON_CONTENT_ROLES,
  NON_CONTENT_TAGS,
  RELATED_PREFIX,
  SHARE_BAR_WORDS,
  foldedLine,
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
import { descendants, isBlock, isLeafBlock, nameTokens, tagIn } from './dom-text';
import { TextIndex } from './text-index';

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
  /** The index of the tree's text that the caller reads on after cleaning; the removals keep it exact. */
  text?: TextIndex;
}

const MEDIA = 'img, picture, video, audio';
const NON_CONTENT_TAG_SET = new Set(NON_CONTENT_TAGS);

type Visit = (matches: (element: Element) => boolean, visit: (element: Element) => void) => void;

/** Removes the page furniture Readability leaves in (or trips over) from `root`, in place. */
export function removeBoilerplate(root: Element, options: CleanOptions): void {
  const text = options.text ?? new TextIndex();
  const rootTextLength = text.length(root);
  const isProtected = (element: Element): boolean =>
    element === root || (options.protect != null && element.contains(options.protect));
  // A box that carries most of the page's reading text is the article, whatever its class says.
  const isMajorContent = (element: Element): boolean => {
    const length = text.length(element);
    if (rootTextLength > 200 && length > rootTextLength * 0.5 && text.linkDensity(element) < 0.5) return true;
    const paragraphs = [...element.querySelectorAll('p')].filter((p) => text.length(p) >= 100 && text.linkDensity(p) < 0.3);
    return paragraphs.length >= 3;
  };
  // Every element a pass visits was under root when the pass began: it is there still unless it was removed.
  const isAttached = (element: Element): boolean => !text.isRemoved(element);
  const removable = (element: Element): boolean => isAttached(element) && !isProtected(element) && !isMajorContent(element);
  // Each pass takes the elements present when it starts, in document order, as querySelectorAll would.
  const each: Visit = (matches, visit) => {
    for (const element of descendants(root)) if (matches(element) && isAttached(element)) visit(element);
  };
  const remove = (element: Element): void => text.remove(element);

  // Script-driven controls ("Bấm vào đây" that runs code) are interface, not text.
  each(tagIn(['a']), (element) => {
    if (/^\s*javascript:/i.test(element.getAttribute('href') ?? '') && !isProtected(element)) remove(element);
  });
  each(tagIn(NON_CONTENT_TAG_SET), (element) => {
    if (element.localName === 'form' ? removable(element) : !isProtected(element)) remove(element);
  });
  each(hasAttribute('role', 'aria-label'), (element) => {
    const role = element.getAttribute('role')?.toLowerCase() ?? '';
    const label = element.getAttribute('aria-label') ?? '';
    if ((NON_CONTENT_ROLES.has(role) || BOILERPLATE_LABEL.test(label)) && removable(element)) remove(element);
  });
  each(hasAttribute('class', 'id'), (element) => {
    const tokens = nameTokens(element);
    if (!tokens.some(isBoilerplateName) || !removable(element)) return;
    if (tokens.some(isCaptionName) && element.querySelector(MEDIA)) return; // the caption box holds the photo
    remove(element);
  });
  // Only an element holding two share links can be a share bar; counting them first spares the rest.
  const shareLinkCounts = countShareLinks(root);
  const mayBeShareBar = tagIn(['div', 'ul', 'ol', 'p', 'section', 'span']);
  each((element) => mayBeShareBar(element) && (shareLinkCounts.get(element) ?? 0) >= 2, (element) => {
    if (isShareBar(element, text) && removable(element)) remove(element);
  });
  each(tagIn(['p', 'div', 'li', 'span', 'h2', 'h3', 'h4', 'h5', 'h6']), (element) => {
    if (!isLeafBlock(element) && element.localName !== 'span') return;
    if (text.length(element) >= 600) return; // longer than any notice below
    const line = text.text(element);
    if (isCookieNotice(line)) removeUpTo(element, 600, removable, text);
    else if (isNewsletterPitch(line) && line.length < 200) removeUpTo(element, 300, removable, text);
  });
  each(tagIn(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div', 'span', 'strong', 'b', 'li']), (element) => {
    const leaf = isLeafBlock(element);
    if (!leaf && text.length(element) > 60) return; // longer than any section title or label
    const line = text.text(element);
    if (isSectionTitle(line)) removeSection(element, root, isProtected, text);
    else if (isLabelLine(line) && !isProtected(element)) remove(element);
    else if (leaf && RELATED_PREFIX.test(line) && (text.linkDensity(element) >= 0.4 || line.length < 160)) remove(element);
  });
  each(tagIn(['p', 'div']), (element) => {
    if (!isLeafBlock(element) || text.length(element) > 300 || element.querySelector(MEDIA)) return; // captions are shorter
    const line = text.text(element);
    const inFigure = element.closest('figure') !== null;
    if (inFigure || isCaptionLine(line)) remove(element);
  });

  if (options.mode === 'content') cleanContent(root, options, each, text);
}

function cleanContent(root: Element, options: CleanOptions, each: Visit, text: TextIndex): void {
  const title = options.title ? foldedLine(options.title) : null;
  const remove = (element: Element): void => text.remove(element);
  each(tagIn(['h1']), remove);
  if (title !== null) {
    each(tagIn(['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'div']), (element) => {
      if (isLeafBlock(element) && foldedLine(text.text(element)) === title) remove(element);
    });
  }
  if (!options.keepTimestamps) {
    each(tagIn(['p', 'div', 'span', 'time']), (element) => {
      if (text.length(element) > 80) return; // longer than any dateline
      if ((isLeafBlock(element) || element.localName !== 'div') && isDateline(text.text(element))) remove(element);
    });
  }
  removeBylineLines(root, options.bylineNames ?? [], text);
  each(tagIn(['ul', 'ol', 'div', 'section', 'table', 'p', 'dl']), (element) => {
    if (element !== root && text.linkDensity(element) > 0.7) remove(element);
  });
  // Deepest first, so a wrapper emptied by the removals above goes too.
  for (const element of descendants(root).reverse()) {
    if (isBlock(element) && text.length(element) === 0 && !element.querySelector(MEDIA)) remove(element);
  }
}

/** A line at the start or end of the article that only repeats the author names ("Minh Anh - Thu Hà", "By Jane Doe"). */
function removeBylineLines(root: Element, names: readonly string[], text: TextIndex): void {
  const nameWords = new Set(names.flatMap(foldedWords));
  if (nameWords.size === 0) return;
  const isParagraph = tagIn(['p', 'div']);
  const leaves = descendants(root).filter((element) => isParagraph(element) && isLeafBlock(element) && text.length(element) > 0);
  const edges = new Set([...leaves.slice(0, 2), ...leaves.slice(-3)]);
  for (const element of edges) {
    const line = text.text(element);
    const words = foldedWords(line).filter((word) => !['by', 'bai', 'va', 'and', 'theo', 'anh', 'thuc', 'hien'].includes(word) || nameWords.has(word));
    if (line.length <= 80 && words.length > 0 && words.every((word) => nameWords.has(word))) text.remove(element);
  }
}

/** A share bar: two or more share links and no text besides "Chia sẻ", "Share this article" and the links. */
function isShareBar(element: Element, text: TextIndex): boolean {
  const links = [...element.querySelectorAll('a')];
  if (links.filter((link) => isShareLink(link.getAttribute('href') ?? '')).length < 2) return false;
  let ownText = text.text(element);
  for (const link of links) ownText = ownText.replace(text.text(link), ' ');
  return ownText.replace(SHARE_BAR_WORDS, ' ').replace(/\s+/g, '').length <= 20;
}

/** How many share links each element of `root` holds, for the elements that hold any. */
function countShareLinks(root: Element): Map<Element, number> {
  const counts = new Map<Element, number>();
  const isLink = tagIn(['a']);
  for (const link of descendants(root)) {
    if (!isLink(link) || !isShareLink(link.getAttribute('href') ?? '')) continue;
    for (let node = link.parentElement; node && node !== root; node = node.parentElement) counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

/**
 * Removes a titled box of links ("Tin liên quan" + list): the whole box when everything else in it is
 * a teaser, otherwise the title and the teasers that follow it (a list inlined in the article body).
 */
function removeSection(heading: Element, root: Element, isProtected: (element: Element) => boolean, text: TextIndex): void {
  const sameText = (a: Element, b: Element): boolean => text.length(a) === text.length(b) && text.text(a) === text.text(b);
  const isTeaser = (element: Element): boolean => isTeaserCard(element, text);
  let title = heading;
  while (title.parentElement && title.parentElement !== root && sameText(title.parentElement, title)) {
    title = title.parentElement;
  }
  const box = title.parentElement;
  if (box && !isProtected(box) && !box.querySelector('h1')) {
    const others = [...box.children].filter((child) => child !== title && text.length(child) > 0);
    if (others.length > 0 && others.every(isTeaser)) {
      text.remove(box);
      return;
    }
  }
  if (isProtected(title)) return;
  let next = title.nextElementSibling;
  while (next && (isTeaser(next) || text.length(next) === 0)) {
    const following = next.nextElementSibling;
    text.remove(next);
    next = following;
  }
  text.remove(title);
}

/** A link list or a card that starts with its headline link. */
function isTeaserCard(element: Element, text: TextIndex): boolean {
  const firstLink = element.querySelector('a');
  if (!firstLink) return false;
  if (text.linkDensity(element) >= 0.5) return true;
  return text.text(element).startsWith(text.text(firstLink));
}

function removeUpTo(element: Element, maxLength: number, removable: (element: Element) => boolean, text: TextIndex): void {
  if (!removable(element)) return;
  let target = element;
  while (target.parentElement && text.length(target.parentElement) < maxLength && removable(target.parentElement)) {
    target = target.parentElement;
  }
  text.remove(target);
}

function hasAttribute(...names: string[]): (element: Element) => boolean {
  return (element) => names.some((name) => element.hasAttribute(name));
}
