import { exactForm, foldedTag, forEachWord } from './rule-words';

/** What the matcher needs of a collected item: its text as published and a few facts about its source. */
export interface MatchableItem {
  title: string;
  text: string;
  language: string | null;
  sourceId: string;
  sourceTags: readonly string[];
}

export type HighlightField = 'title' | 'text';

/** Prefix terms have at least this many letters (RULE_LIMITS.minPrefixLength), so words are grouped by as many. */
export const PREFIX_BUCKET = 2;

const TITLE = 0;
const TEXT = 1;

/**
 * An item's words, tokenised and folded once for all the rules that look at it: title words first, then text words,
 * one position each. Exact-accent forms and the sorted word list are built only if a rule asks for them.
 */
export class PreparedItem {
  readonly folded: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly fields: number[] = [];
  private readonly exact: (string | undefined)[] = [];
  /** Folded word → its positions, ascending. */
  readonly positions = new Map<string, number[]>();
  private buckets: Map<string, string[]> | null = null;
  /** Filter keys of the item (see metaKey). */
  readonly metaKeys: string[];

  constructor(readonly item: MatchableItem) {
    this.addField(item.title, TITLE);
    this.addField(item.text, TEXT);
    this.metaKeys = [metaKey('source', item.sourceId.toLowerCase())];
    const language = languageOf(item.language);
    if (language) this.metaKeys.push(metaKey('lang', language));
    for (const tag of item.sourceTags) this.metaKeys.push(metaKey('tag', foldedTag(tag)));
  }

  get length(): number {
    return this.folded.length;
  }

  /** Whether two positions lie in the same field (phrases and NEAR never span the title and the text). */
  sameField(a: number, b: number): boolean {
    return this.fields[a] === this.fields[b];
  }

  exactAt(position: number): string {
    let form = this.exact[position];
    if (form === undefined) {
      form = exactForm(this.rawAt(position));
      this.exact[position] = form;
    }
    return form;
  }

  /** Positions of every word whose folded form starts with `prefix` (at least PREFIX_BUCKET characters), ascending. */
  prefixPositions(prefix: string): number[] {
    const found: number[] = [];
    let words = 0;
    for (const word of this.bucket(prefix.slice(0, PREFIX_BUCKET))) {
      if (!word.startsWith(prefix)) continue;
      for (const position of this.positions.get(word) ?? []) found.push(position);
      words += 1;
    }
    return words > 1 ? found.sort((a, b) => a - b) : found;
  }

  /** The item's distinct words that start with these PREFIX_BUCKET characters (grouped on first use). */
  private bucket(start: string): readonly string[] {
    if (!this.buckets) {
      this.buckets = new Map();
      for (const word of this.positions.keys()) {
        if (word.length < PREFIX_BUCKET) continue;
        const key = word.slice(0, PREFIX_BUCKET);
        const list = this.buckets.get(key);
        if (list) list.push(word);
        else this.buckets.set(key, [word]);
      }
    }
    return this.buckets.get(start) ?? [];
  }

  /** The raw span covering positions `first`..`last` (same field). */
  highlight(first: number, last: number): { field: HighlightField; start: number; end: number } {
    return { field: this.fields[first] === TITLE ? 'title' : 'text', start: this.starts[first], end: this.ends[last] };
  }

  private rawAt(position: number): string {
    const raw = this.fields[position] === TITLE ? this.item.title : this.item.text;
    return raw.slice(this.starts[position], this.ends[position]);
  }

  private addField(raw: string, field: number): void {
    forEachWord(raw, (start, end, folded) => {
      const position = this.folded.length;
      this.folded.push(folded);
      this.starts.push(start);
      this.ends.push(end);
      this.fields.push(field);
      const list = this.positions.get(folded);
      if (list) list.push(position);
      else this.positions.set(folded, [position]);
    });
  }
}

/** The key a filter and an item share in the index: `source:<uuid>`, `tag:<folded tag>`, `lang:vi`. */
export function metaKey(field: 'source' | 'tag' | 'lang', value: string): string {
  return `${field}:${value}`;
}

/** "vi", "vi-VN" → "vi"; null stays null. */
export function languageOf(language: string | null): string | null {
  return language ? (language.toLowerCase().split(/[-_]/)[0] ?? null) : null;
}
