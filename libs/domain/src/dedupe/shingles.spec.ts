import { searchTokens } from '../text/vietnamese-text';
import { shingleHashes } from './shingles';

/** The definition: distinct word 3-shingles of each line's searchTokens, lines under ten words only if none is longer. */
function referenceShingles(text: string): Set<string> {
  const lines = text
    .split('\n')
    .map((line) => searchTokens(line))
    .filter((tokens) => tokens.length > 0);
  const substantial = lines.filter((tokens) => tokens.length >= 10);
  const shingles = new Set<string>();
  for (const tokens of substantial.length > 0 ? substantial : lines) {
    if (tokens.length < 3) shingles.add(tokens.join(' '));
    for (let index = 0; index + 3 <= tokens.length; index += 1) shingles.add(tokens.slice(index, index + 3).join(' '));
  }
  return shingles;
}

describe('shingleHashes', () => {
  const paragraph = 'Thông tin sai lệch về việc đóng cửa trường học lan truyền trên mạng xã hội';

  it.each([
    ['a paragraph', paragraph],
    ['credits and a dateline around a paragraph', `Theo TTXVN\n${paragraph}\nẢnh: Minh Anh`],
    ['short lines only', 'Hà Nội\nGiá rau tăng\nmưa'],
    ['any script and decomposed marks', 'Ministry REJECTS claims; naïve café ǅemal ﬁle ½ 𝐀𝐁𝐂 😀 Vie\u0302\u0323t Nam, mark \u0301 here, İstanbul'],
    ['a repeated line', `${paragraph}\n${paragraph}`],
    ['lone surrogates, one before a line break', `một hai ba bốn \uD800\n${paragraph} \uDC00 năm \uD800`],
  ])('hashes exactly the shingles of the folded words, one hash per distinct shingle: %s', (_, text) => {
    expect(new Set(shingleHashes(text)).size).toBe(referenceShingles(text).size);
  });

  it('hashes a shingle alike whatever its spelling (case, tone placement, decomposition)', () => {
    // Copied: each call reuses the buffer the previous answer is a view of.
    const upperCase = Array.from(shingleHashes('HOÀ GIẢI thành công'));
    expect(upperCase).toHaveLength(2);
    expect(Array.from(shingleHashes('hòa giải thành công'.normalize('NFD')))).toEqual(upperCase);
  });

  it('has no shingle in an empty or wordless text', () => {
    expect(shingleHashes('')).toHaveLength(0);
    expect(shingleHashes(' — !\n\n')).toHaveLength(0);
  });
});
