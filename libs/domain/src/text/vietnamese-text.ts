import { Buffer } from 'node:buffer';
import { FOLD_CODE_MASK, FOLD_EXPANDED, FOLD_HIGH_SURROGATE, FOLD_KIND_SHIFT, FOLD_LETTER, FOLD_SEPARATOR, expansionOf, foldEntry, foldSlowly, isHighSurrogate, isLowSurrogate, isWordChar } from './fold-table';

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

/**
 * The single string form that search engines index and query with: the folded Unicode words ([\p{L}\p{N}]+ of the
 * folded text; natural's tokenizers keep only ASCII letters) joined by one space. Folding drops every tone mark, so
 * tone placement needs no unifying first: "hoà" and "hòa" both give "hoa". One pass over the text with the fold
 * table, writing code units to a buffer decoded once, because this runs on every word Vigil collects.
 */
export function toSearchText(text: string): string {
  const length = text.length;
  reserve(length + 1);
  let units = buffer;
  let out = 0;
  // Every unit written, or'ed: folded text is nearly always Latin-1 (ASCII for Vietnamese and English), decoded so
  // to a one-byte string at a fraction of the cost.
  let written = 0;
  // Whether the last unit written belongs to a token still open: a separator closes it, the next letter opens another.
  let inToken = false;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    const entry = foldEntry(code);
    const kind = entry >>> FOLD_KIND_SHIFT;
    if (kind === FOLD_LETTER) {
      if (!inToken && out > 0) units[out++] = SPACE;
      const unit = entry & FOLD_CODE_MASK;
      units[out++] = unit;
      written |= unit;
      inToken = true;
    } else if (kind === FOLD_SEPARATOR || (kind === FOLD_HIGH_SURROGATE && !isLowSurrogate(text.charCodeAt(index + 1)))) {
      inToken = false;
    } else if (kind === FOLD_EXPANDED || kind === FOLD_HIGH_SURROGATE) {
      const folded = kind === FOLD_EXPANDED ? expansionOf(code) : foldSlowly(text.slice(index, index + 2));
      if (kind === FOLD_HIGH_SURROGATE) index += 1;
      const after = writeFolded(folded, out, inToken);
      out = after.written;
      inToken = after.inToken;
      // An expansion writes more units than it read: keep room for one unit per character still to read.
      reserve(out + length - index + 1);
      units = buffer;
      written |= WIDE;
    }
  }
  if (out === 0) return '';
  if (written & WIDE) return UTF16.decode(buffer.subarray(0, out));
  latin1.set(buffer.subarray(0, out));
  return latin1.toString('latin1', 0, out);
}

/** The words of toSearchText: "Công an: tin “giả”!" → ["cong", "an", "tin", "gia"]. */
export function searchTokens(text: string): string[] {
  const searchText = toSearchText(text);
  return searchText === '' ? [] : searchText.split(' ');
}

const SPACE = 0x20;
/** Bits above Latin-1 in a code unit. */
const WIDE = 0xff00;
const UTF16 = new TextDecoder('utf-16le');
// Reused across calls (one thread): a folded text is never longer than its input but for rare expansions.
let buffer = new Uint16Array(4096);
let latin1 = Buffer.allocUnsafe(4096);

/** Room for `units` code units, keeping those written. */
function reserve(units: number): void {
  if (units <= buffer.length) return;
  const larger = new Uint16Array(Math.max(units, buffer.length * 2));
  larger.set(buffer);
  buffer = larger;
  latin1 = Buffer.allocUnsafe(larger.length);
}

/** Appends a folded multi-unit text character by character, word characters to tokens and the rest as separators. */
function writeFolded(folded: string, start: number, inToken: boolean): { written: number; inToken: boolean } {
  reserve(start + 2 * folded.length + 1);
  let out = start;
  let open = inToken;
  for (const char of folded) {
    if (!isWordChar(char)) {
      open = false;
      continue;
    }
    if (!open && out > 0) buffer[out++] = SPACE;
    for (let unit = 0; unit < char.length; unit += 1) buffer[out++] = char.charCodeAt(unit);
    open = true;
  }
  return { written: out, inToken: open };
}

const NON_ASCII = /[\u0080-\uffff]+/g;

function foldNonAscii(run: string): string {
  let folded = '';
  for (let index = 0; index < run.length; index += 1) {
    const code = run.charCodeAt(index);
    if (isHighSurrogate(code) && isLowSurrogate(run.charCodeAt(index + 1))) {
      folded += foldSlowly(run.slice(index, index + 2));
      index += 1;
      continue;
    }
    const entry = foldEntry(code);
    const kind = entry >>> FOLD_KIND_SHIFT;
    if (kind === FOLD_LETTER || kind === FOLD_SEPARATOR) folded += String.fromCharCode(entry & FOLD_CODE_MASK);
    else if (kind === FOLD_EXPANDED) folded += expansionOf(code);
    else if (kind === FOLD_HIGH_SURROGATE) folded += String.fromCharCode(code); // alone: folds to itself
  }
  return folded;
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
