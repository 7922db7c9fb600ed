// Letters that occur in Vietnamese and in no other common Latin-script language.
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const LATIN_LETTERS = /[a-z]/gi;

/** Vietnamese or English by script evidence; null when the text is too short or neither. */
export function detectLanguage(text: string): 'vi' | 'en' | null {
  const normalized = text.normalize('NFC');
  const latin = normalized.match(LATIN_LETTERS)?.length ?? 0;
  const vietnamese = normalized.match(VIETNAMESE_LETTERS)?.length ?? 0;
  if (latin + vietnamese < 12) return null;
  return vietnamese / (latin + vietnamese) > 0.03 ? 'vi' : 'en';
}
