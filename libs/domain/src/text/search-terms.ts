import { englishStem } from './english-stems';
import { normalizeVietnamese, searchTokens, toSearchText } from './vietnamese-text';

// No English word and no Vietnamese syllable begins with "qx" (q is always followed by u), so a namespaced stem
// never equals a real word; letters only, so PostgreSQL's 'simple' parser and Elasticsearch's standard tokenizer
// keep "qxreject" whole.
const STEM_NAMESPACE = 'qx';
// Porter only means something for ASCII words, and a stem in another script could be cut apart by the tokenizers.
const STEMMABLE = /^[a-z0-9]+$/;

/** The folded fields a search engine indexes for one item. */
export interface SearchFields {
  /** Folded title only: PostgreSQL also compares it by trigram similarity, which stem tokens would dilute. */
  title: string;
  /** Folded text, followed, for English items only, by the namespaced stems of title and text. */
  text: string;
}

/** One query word: an item matches it through the folded token or, if the item is English, through the stem. */
export interface SearchTermGroup {
  token: string;
  /** Namespaced Porter stem; null when the word is not ASCII. */
  stem: string | null;
}

/**
 * What search indexes for an item. Porter would conflate Vietnamese syllables ("may" → "mai", "hay" → "hai"),
 * so only items detected as English carry stems; every other item indexes exactly `toSearchText`.
 */
export function toSearchFields(item: { title: string; text: string; language: string | null }): SearchFields {
  return searchFieldsOf(foldItem(item), item.language);
}

/** An item's title and text as toSearchText, folded once for its search fields and its content hash. */
export interface FoldedItem {
  title: string;
  text: string;
}

export function foldItem(item: { title: string; text: string }): FoldedItem {
  return { title: toSearchText(item.title), text: toSearchText(item.text) };
}

/** toSearchFields of the item this was folded from, without folding it again. */
export function searchFieldsOf(folded: FoldedItem, language: string | null): SearchFields {
  if (language !== 'en') return { title: folded.title, text: folded.text };
  const stems: string[] = [];
  addStems(folded.title, stems);
  addStems(folded.text, stems);
  return { title: folded.title, text: stems.length === 0 ? folded.text : `${folded.text} ${stems.join(' ')}` };
}

/** The namespaced stems of the words of a search text, in order, those that have one. */
function addStems(searchText: string, stems: string[]): void {
  if (searchText === '') return;
  for (let start = 0; start <= searchText.length; ) {
    const space = searchText.indexOf(' ', start);
    const end = space === -1 ? searchText.length : space;
    const stem = namespacedStem(searchText.slice(start, end));
    if (stem !== '') stems.push(stem);
    start = end + 1;
  }
}

/**
 * The query as AND-ed groups, each the folded token OR its namespaced stem. The language of a few typed words
 * cannot be told, so every word gets its stem: only English items hold stem tokens, so Vietnamese items still
 * match on the folded token alone.
 */
export function toSearchTermGroups(query: string): SearchTermGroup[] {
  return searchTokens(query).map((token) => ({ token, stem: namespacedStem(token) || null }));
}

// Every word of every English item passes here, and words repeat endlessly: each is stemmed and checked once;
// bounded so odd input can't grow it.
const NAMESPACED_STEMS = new Map<string, string>();
const MAX_NAMESPACED_STEMS = 50_000;

/** The namespaced stem of a folded word, '' when it has none. */
function namespacedStem(token: string): string {
  let namespaced = NAMESPACED_STEMS.get(token);
  if (namespaced === undefined) {
    const stem = englishStem(token);
    namespaced = STEMMABLE.test(stem) ? `${STEM_NAMESPACE}${stem}` : '';
    if (NAMESPACED_STEMS.size >= MAX_NAMESPACED_STEMS) NAMESPACED_STEMS.clear();
    NAMESPACED_STEMS.set(token, namespaced);
  }
  return namespaced;
}

/**
 * The query words typed with diacritics, each as the spellings that count as exactly what was typed: NFC as typed
 * and in classic tone placement ("hoà" / "hòa"), lower-case, capitalised and upper-case (a title may start with the
 * word). Words typed without marks give nothing: they mean "any accent". For ranking exact spellings first.
 */
export function accentedQuerySpellings(query: string): string[][] {
  const words = query.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const spellings: string[][] = [];
  const seen = new Set<string>();
  for (const word of words) {
    const lower = word.toLowerCase();
    if (searchTokens(lower).join('') === lower || seen.has(lower)) continue;
    seen.add(lower);
    const forms = new Set<string>();
    for (const form of [lower, normalizeVietnamese(lower)]) {
      forms.add(form);
      forms.add(form.charAt(0).toUpperCase() + form.slice(1));
      forms.add(form.toUpperCase());
    }
    spellings.push([...forms]);
  }
  return spellings;
}
