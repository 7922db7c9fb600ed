import englishStopwordList from 'natural/lib/natural/util/stopwords.js';

/**
 * Vietnamese function syllables, written with diacritics (NFC, classic tone placement): folding
 * first would merge "có" (has) with "cô" (aunt, miss) and "cỏ" (grass), so stopwords are removed before folding.
 */
const VIETNAMESE_STOPWORDS: readonly string[] = [
  'à', 'ạ', 'ấy', 'bị', 'bởi', 'cả', 'các', 'cái', 'cho', 'chỉ', 'chiếc', 'có', 'còn', 'của', 'cũng', 'cùng',
  'để', 'đã', 'đang', 'đây', 'đến', 'đó', 'đều', 'điều', 'do', 'gì', 'hay', 'hoặc', 'khi', 'không', 'là', 'lại',
  'mà', 'mới', 'một', 'này', 'nào', 'nên', 'nếu', 'nhưng', 'những', 'nữa', 'ra', 'rằng', 'rất', 'sẽ', 'thì', 'theo',
  'thế', 'từ', 'tại', 'trong', 'và', 'vào', 'vẫn', 'về', 'vì', 'việc', 'với', 'vậy', 'được', 'như', 'qua', 'sau',
];

export const vietnameseStopwords: ReadonlySet<string> = new Set(VIETNAMESE_STOPWORDS.map((word) => word.normalize('NFC')));

/** natural's English list (lower-case, unstemmed). */
export const englishStopwords: ReadonlySet<string> = new Set(englishStopwordList.words);
