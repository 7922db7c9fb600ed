// Letters that occur in Vietnamese and in no other common Latin-script language, in both cases.
const VIETNAMESE = 'ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ';
const VIETNAMESE_LETTERS: ReadonlySet<number> = new Set(
  [...VIETNAMESE, ...VIETNAMESE.toUpperCase()].map((letter) => letter.charCodeAt(0)),
);

/** Vietnamese or English by script evidence; null when the text is too short or neither. */
export function detectLanguage(text: string): 'vi' | 'en' | null {
  const normalized = text.normalize('NFC');
  // One pass counting code units: ASCII letters, and the letters only Vietnamese writes (all in the BMP).
  let latin = 0;
  let vietnamese = 0;
  for (let index = 0; index < normalized.length; index += 1) {
    const code = normalized.charCodeAt(index);
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) latin += 1;
    } else if (VIETNAMESE_LETTERS.has(code)) {
      vietnamese += 1;
    }
  }
  if (latin + vietnamese < 12) return null;
  return vietnamese / (latin + vietnamese) > 0.03 ? 'vi' : 'en';
}
