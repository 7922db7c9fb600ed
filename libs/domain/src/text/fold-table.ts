/**
 * The fold of each UTF-16 code unit (marks dropped, đ → d, lower case), looked up per character by every tokenizer
 * of collected text: one integer read per character, no regex and no string built per character.
 */

// What a code unit folds to, in the high bits of its entry. Plain numbers rather than an enum: swc compiles a const
// enum to an object whose property every character of the tokenizers' loops would read.
/** One word code unit, held in the entry's low 16 bits: extends the current token. */
export const FOLD_LETTER = 1;
/** Nothing (a combining mark): tokens run on across it. */
export const FOLD_DROPPED = 2;
/** One non-word code unit, held in the entry's low 16 bits: ends the current token. */
export const FOLD_SEPARATOR = 3;
/** Several code units (ligatures, compatibility forms), word or not: read them with expansionOf, one by one. */
export const FOLD_EXPANDED = 4;
/** A high surrogate: with the low one after it, the pair folds as one with foldSlowly; alone, it separates. */
export const FOLD_HIGH_SURROGATE = 5;

export const FOLD_KIND_SHIFT = 16;
export const FOLD_CODE_MASK = 0xffff;

// 0 until the code unit is first seen: filling all 65,536 up front would cost a start-up pause for characters most
// processes never meet, and the fold of a character never changes.
const ENTRIES = new Int32Array(0x10000);
const EXPANSIONS = new Map<number, string>();
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** The entry of a code unit: its kind (FOLD_…) shifted by FOLD_KIND_SHIFT, or'ed with the folded unit for a Letter or Separator. */
export function foldEntry(code: number): number {
  const entry = ENTRIES[code];
  return entry === 0 ? fillEntry(code) : entry;
}

/** The folded text of a code unit, for an Expanded one. */
export function expansionOf(code: number): string {
  return EXPANSIONS.get(code) ?? foldSlowly(String.fromCharCode(code));
}

/** Whether a folded character (one code point) belongs to a word: [\p{L}\p{N}]. */
export function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The definition the table is built from. */
export function foldSlowly(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd') // đ has no decomposition, so stripping marks leaves it alone
    .toLowerCase();
}

function fillEntry(code: number): number {
  const folded = foldSlowly(String.fromCharCode(code));
  let entry: number;
  if (isHighSurrogate(code)) entry = FOLD_HIGH_SURROGATE << FOLD_KIND_SHIFT;
  else if (folded.length === 0) entry = FOLD_DROPPED << FOLD_KIND_SHIFT;
  else if (folded.length === 1) entry = ((isWordChar(folded) ? FOLD_LETTER : FOLD_SEPARATOR) << FOLD_KIND_SHIFT) | folded.charCodeAt(0);
  else {
    entry = FOLD_EXPANDED << FOLD_KIND_SHIFT;
    EXPANSIONS.set(code, folded);
  }
  ENTRIES[code] = entry;
  return entry;
}
