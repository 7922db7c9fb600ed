// Letters that occur in Vietnamese and in no other common Latin-script language, in both cases.
const VIETNAMESE = 'ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ';
// Per code unit (all of these are in the BMP): what it counts as.
const LETTER_CLASS = new Uint8Array(0x10000);
const ASCII_LETTER = 1;
const VIETNAMESE_LETTER = 2;
for (let code = 0x41; code <= 0x7a; code += 1) if (code <= 0x5a || code >= 0x61) LETTER_CLASS[code] = ASCII_LETTER;
for (const letter of [...VIETNAMESE, ...VIETNAMESE.toUpperCase()]) LETTER_CLASS[letter.charCodeAt(0)] = VIETNAMESE_LETTER;

// What NFC would change for the count: combining marks (decomposed letters) and the Kelvin sign (NFC makes it K).
const NOT_COMPOSED = /[\u0300-\u036f\u212a]/;
const MIN_LETTERS = 12;
const VIETNAMESE_SHARE = 0.03;

// Counts by class, reused by every call (one per thread); counted without a branch per character.
const counts = new Int32Array(3);

/** Vietnamese or English by script evidence; null when the text is too short or neither. */
export function detectLanguage(text: string): 'vi' | 'en' | null {
  // Letters count in NFC; most text is NFC already, and normalising it cost more than counting.
  const composed = NOT_COMPOSED.test(text) ? text.normalize('NFC') : text;
  counts.fill(0);
  // Letters are at most the text's length: once Vietnamese ones pass their share of that, the answer is known.
  const enoughVietnamese = VIETNAMESE_SHARE * composed.length;
  for (let index = 0; index < composed.length; index += 1) {
    counts[LETTER_CLASS[composed.charCodeAt(index)]] += 1;
    if (counts[VIETNAMESE_LETTER] > enoughVietnamese && counts[ASCII_LETTER] + counts[VIETNAMESE_LETTER] >= MIN_LETTERS) return 'vi';
  }
  const latin = counts[ASCII_LETTER];
  const vietnamese = counts[VIETNAMESE_LETTER];
  if (latin + vietnamese < MIN_LETTERS) return null;
  return vietnamese / (latin + vietnamese) > VIETNAMESE_SHARE ? 'vi' : 'en';
}
