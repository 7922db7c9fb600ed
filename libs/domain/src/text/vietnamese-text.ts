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
  return text.normalize('NFC').replace(WORD, placeToneMark);
}

/** Lower-case, diacritic-free form used for matching: "Thông tin sai lệch" → "thong tin sai lech". */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd') // đ has no decomposition, so stripping marks leaves it alone
    .toLowerCase();
}

/** Unicode-aware word tokens of the folded text (natural's tokenizers keep only ASCII letters). */
export function tokenize(text: string): string[] {
  return foldDiacritics(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The single string form that search engines index and query with. */
export function toSearchText(text: string): string {
  return searchTokens(text).join(' ');
}

/** The tokens of `toSearchText`: one tone-mark placement, then folded Unicode words. */
export function searchTokens(text: string): string[] {
  return tokenize(normalizeVietnamese(text));
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
