import { linkDensity, nameTokens, visibleText } from './dom-text';

const LIVE_NAME = /(?:^|[-_])live(?:$|[-_]|blog|stream|feed|update)|tructiep|truc-tiep|timeline/;
const LIVE_TITLE = /^\s*(?:trực tiếp|tường thuật trực tiếp|live|live updates?)\b/iu;

/**
 * The updates of a live blog with the introduction before them, as a detached copy; null when the
 * page is not one. Readability keeps the update it scores best and drops short siblings (and any
 * sibling whose class differs), so a live blog's timeline is rebuilt here: every entry that carries
 * its own timestamp, in page order, time included.
 *
 * A page is a live blog when it says so (JSON-LD LiveBlogPosting, a "live"/"trực tiếp" container or
 * headline) and has at least three timestamped entries side by side that are text, not link lists.
 */
export function findLiveBlog(document: Document, declaredLive: boolean, title: string | null): Element | null {
  const declared = [...document.querySelectorAll('[itemprop]')].filter((element) =>
    (element.getAttribute('itemprop') ?? '').split(/\s+/).includes('liveBlogUpdate'),
  );
  const entries = declared.length >= 2 ? declared : timestampedEntries(document);
  const stream = entries[0]?.parentElement;
  if (!stream || entries.length < (declaredLive ? 2 : 3)) return null;

  const looksLive = declaredLive || hasLiveName(stream) || LIVE_TITLE.test(title ?? '');
  const text = entries.map((entry) => visibleText(entry)).join(' ');
  const meanLinkDensity = entries.reduce((sum, entry) => sum + linkDensity(entry), 0) / entries.length;
  if (!looksLive || text.length < 100 || meanLinkDensity > 0.5) return null;

  const container = document.createElement('div');
  for (const intro of introductionBefore(stream)) container.append(intro.cloneNode(true));
  for (const entry of entries) container.append(entry.cloneNode(true));
  return container;
}

/** The largest group of sibling elements that each hold exactly one timestamp. */
function timestampedEntries(document: Document): Element[] {
  const times = [...document.body.querySelectorAll('time')];
  // How many timestamps each element holds, counted once instead of once per timestamp and ancestor.
  const timeCounts = new Map<Element, number>();
  for (const time of times) {
    for (let node = time.parentElement; node; node = node.parentElement) timeCounts.set(node, (timeCounts.get(node) ?? 0) + 1);
  }
  const groups = new Map<Element, Element[]>();
  for (const time of times) {
    let entry: Element = time;
    while (entry.parentElement && entry.parentElement !== document.body && timeCounts.get(entry.parentElement) === 1) {
      entry = entry.parentElement;
    }
    const parent = entry.parentElement;
    if (!parent || entry === time) continue; // a bare <time> is a dateline, not an entry
    const group = groups.get(parent);
    if (group) group.push(entry);
    else groups.set(parent, [entry]);
  }
  let best: Element[] = [];
  for (const group of groups.values()) if (group.length > best.length) best = group;
  return best;
}

function hasLiveName(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (nameTokens(node).some((token) => LIVE_NAME.test(token))) return true;
  }
  return false;
}

/** Paragraphs right before the stream (the standfirst of the live blog). */
function introductionBefore(stream: Element): Element[] {
  const intro: Element[] = [];
  for (let node = stream.previousElementSibling; node?.localName === 'p'; node = node.previousElementSibling) {
    if (linkDensity(node) < 0.5) intro.unshift(node);
  }
  return intro;
}
