/**
 * Text normalisation shared by collection, search and detection, so that every part of Vigil
 * agrees on what "the same word" means.
 */

// Combining tone marks: huyền, sắc, ngã, hỏi, nặng. Other marks (circumflex, breve, horn) belong to the vowel.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VOWELS = new Set('aăâeêioôơuưy');
const MARKED_VOWELS = new Set('ăâêôơư');
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * NFC plus one tone-mark placement for every Vietnamese syllable: the classic style
 * (hòa, thúy, khỏe), so "hoà" and "hòa" become the same string.
 */
export function normalizeVietnamese(text: string): string {
  return text.normalize('NFC').replace(WORD, normalizedSyllable);
}

/** Lower-case, diacritic-free form used for matching: "Thông tin sai lệch" → "thong tin sai lech". */
export function foldDiacritics(text: string): string {
  // Most of any text is ASCII, which folds by lower-casing alone: only the other characters go through the table.
  return text.toLowerCase().replace(NON_ASCII, foldNonAscii);
}

/** The single string form that search engines index and query with. */
export function toSearchText(text: string): string {
  return searchTokens(text).join(' ');
}

/**
 * Folded Unicode words ([\p{L}\p{N}]+ of the folded text; natural's tokenizers keep only ASCII letters). Folding
 * drops every tone mark, so tone placement needs no unifying first: "hoà" and "hòa" both give "hoa". One pass over
 * the text with a per-character table, because this runs on every word Vigil collects.
 */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  let token = '';
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    let unit: FoldedUnit;
    if (isHighSurrogate(code) && index + 1 < text.length) {
      unit = { folded: foldSlowly(text.slice(index, index + 2)), kind: UnitKind.Mixed };
      index += 1;
    } else {
      unit = FOLDED_UNITS[code] ?? foldedUnit(code);
    }
    if (unit.kind === UnitKind.Word) {
      token += unit.folded;
    } else if (unit.kind === UnitKind.Separator) {
      if (token) tokens.push(token);
      token = '';
    } else if (unit.kind === UnitKind.Mixed) {
      for (const char of unit.folded) {
        if (WORD_CHAR.test(char)) token += char;
        else if (token) {
          tokens.push(token);
          token = '';
        }
      }
    }
  }
  if (token) tokens.push(token);
  return tokens;
}

const enum UnitKind {
  /** Folds to word characters only: extends the current token. */
  Word,
  /** Folds to nothing (a combining mark): tokens run on across it. */
  Dropped,
  /** Folds to non-word characters only: ends the current token. */
  Separator,
  /** Folds to both (rare ligatures and compatibility forms): decided character by character. */
  Mixed,
}

interface FoldedUnit {
  folded: string;
  kind: UnitKind;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
// One entry per UTF-16 code unit, filled on first sight: the fold of a character never changes.
const FOLDED_UNITS: (FoldedUnit | undefined)[] = new Array(0x10000);

function foldedUnit(code: number): FoldedUnit {
  let unit = FOLDED_UNITS[code];
  if (!unit) {
    const folded = foldSlowly(String.fromCharCode(code));
    const chars = [...folded];
    const words = chars.filter((char) => WORD_CHAR.test(char)).length;
    const kind = chars.length === 0 ? UnitKind.Dropped : words === chars.length ? UnitKind.Word : words === 0 ? UnitKind.Separator : UnitKind.Mixed;
    unit = { folded, kind };
    FOLDED_UNITS[code] = unit;
  }
  return unit;
}

/** The definition the tables are built from. */
function foldSlowly(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd') // đ has no decomposition, so stripping marks leaves it alone
    .toLowerCase();
}

const NON_ASCII = /[\u0080-\uffff]+/g;

function foldNonAscii(run: string): string {
  let folded = '';
  for (let index = 0; index < run.length; index += 1) {
    const code = run.charCodeAt(index);
    if (isHighSurrogate(code) && index + 1 < run.length) {
      folded += foldSlowly(run.slice(index, index + 2));
      index += 1;
    } else {
      folded += (FOLDED_UNITS[code] ?? foldedUnit(code)).folded;
    }
  }
  return folded;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

// Syllables repeat endlessly (a few thousand cover most text), so each is placed once; bounded so odd input can't grow it.
const PLACED_SYLLABLES = new Map<string, string>();
const MAX_PLACED_SYLLABLES = 50_000;
const HAS_NON_ASCII = /[\u0080-\uffff]/;

function normalizedSyllable(word: string): string {
  if (!HAS_NON_ASCII.test(word)) return word;
  let placed = PLACED_SYLLABLES.get(word);
  if (placed === undefined) {
    placed = placeToneMark(word);
    if (PLACED_SYLLABLES.size >= MAX_PLACED_SYLLABLES) PLACED_SYLLABLES.clear();
    PLACED_SYLLABLES.set(word, placed);
  }
  return placed;
}

function placeToneMark(word: string): string {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS);
  if (!tones || tones.length !== 1) return word;
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  const target = toneCarrierIndex(base);
  if (target < 0) return word;
  const chars = [...base];
  chars[target] = (chars[target] + tones[0]).normalize('NFC');
  return chars.join('');
}

/** Index (in code points of the NFC base syllable) of the vowel that carries the tone. */
function toneCarrierIndex(syllable: string): number {
  const letters = [...syllable.toLowerCase()];
  let start = letters.findIndex((letter) => VOWELS.has(letter));
  if (start < 0) return -1;
  // In "qu" and "gi" the u/i act as consonants when another vowel follows.
  const prefix = letters.slice(0, start + 1).join('');
  if ((prefix.endsWith('qu') || prefix === 'gi') && VOWELS.has(letters[start + 1] ?? '')) start += 1;
  let end = start;
  while (end + 1 < letters.length && VOWELS.has(letters[end + 1])) end += 1;

  const cluster = letters.slice(start, end + 1);
  let marked = -1;
  cluster.forEach((letter, offset) => {
    if (MARKED_VOWELS.has(letter)) marked = offset;
  });
  if (marked >= 0) return start + marked;
  if (cluster.length === 1) return start;
  const hasFinalConsonant = end + 1 < letters.length;
  if (hasFinalConsonant) return end;
  return cluster.length === 2 ? start : start + 1;
}
