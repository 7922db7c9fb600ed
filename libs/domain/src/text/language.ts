// Letters that occur in Vietnamese and in no other common Latin-script language, in both cases.
const VIETNAMESE = 'ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ';
// Per code unit (all of these are in the BMP): what it counts as.
const LETTER_CLASS = new Uint8Array(0x10000);
const ASCII_LETTER = 1;
const VIETNAMESE_LETTER = 2;
/** A combining mark (decomposed letters) or the Kelvin sign (NFC makes it K): counted only in NFC. */
const NOT_COMPOSED = 3;
for (let code = 0x41; code <= 0x7a; code += 1) if (code <= 0x5a || code >= 0x61) LETTER_CLASS[code] = ASCII_LETTER;
for (const letter of [...VIETNAMESE, ...VIETNAMESE.toUpperCase()]) LETTER_CLASS[letter.charCodeAt(0)] = VIETNAMESE_LETTER;
for (let code = 0x0300; code <= 0x036f; code += 1) LETTER_CLASS[code] = NOT_COMPOSED;
LETTER_CLASS[0x212a] = NOT_COMPOSED;

// Counts by class, reused by every call (one per thread); counted without a branch per character.
const counts = new Int32Array(4);

/** Vietnamese or English by script evidence; null when the text is too short or neither. */
export function detectLanguage(text: string): 'vi' | 'en' | null {
  // Letters count in NFC. Most text is NFC already and normalising it cost more than counting, so only a text
  // showing something NFC would change is normalised first.
  countClasses(text);
  if (counts[NOT_COMPOSED] > 0) countClasses(text.normalize('NFC'));
  const latin = counts[ASCII_LETTER];
  const vietnamese = counts[VIETNAMESE_LETTER];
  if (latin + vietnamese < 12) return null;
  return vietnamese / (latin + vietnamese) > 0.03 ? 'vi' : 'en';
}

function countClasses(text: string): void {
  counts.fill(0);
  for (let index = 0; index < text.length; index += 1) counts[LETTER_CLASS[text.charCodeAt(index)]] += 1;
}
