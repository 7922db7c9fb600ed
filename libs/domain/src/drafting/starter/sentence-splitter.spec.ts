import { quotedSpans } from './quoted-spans';
import { splitSentences } from './sentence-splitter';

describe('splitSentences', () => {
  it('cuts Vietnamese news at its full stops, exclamations, questions and ellipses', () => {
    expect(splitSentences('Mưa lớn kéo dài ở Quảng Nam. Nước sông Thu Bồn dâng cao! Người dân có cần sơ tán? Chưa có thông báo… Chính quyền đang theo dõi.')).toEqual([
      'Mưa lớn kéo dài ở Quảng Nam.',
      'Nước sông Thu Bồn dâng cao!',
      'Người dân có cần sơ tán?',
      'Chưa có thông báo…',
      'Chính quyền đang theo dõi.',
    ]);
  });

  it('keeps abbreviations, initials and numbers inside their sentence', () => {
    expect(splitSentences('Sở Y tế TP. Hồ Chí Minh cho biết có 1.000 ca, tăng 3,5 lần. PGS. TS. Nguyễn V. A. nói đây là số liệu thật.')).toEqual([
      'Sở Y tế TP. Hồ Chí Minh cho biết có 1.000 ca, tăng 3,5 lần.',
      'PGS. TS. Nguyễn V. A. nói đây là số liệu thật.',
    ]);
    expect(splitSentences('Mr. Smith met Dr. Jones in the U.S. on Monday. Prices rose 2.5 percent. They talked.')).toEqual([
      'Mr. Smith met Dr. Jones in the U.S. on Monday.',
      'Prices rose 2.5 percent.',
      'They talked.',
    ]);
  });

  it('does not cut inside a quotation, and ends a sentence after its closing mark', () => {
    expect(splitSentences('Ông Lê Văn Hùng nói: “Không có chuyện vỡ đê. Người dân hãy yên tâm.” Sau đó ông rời đi.')).toEqual([
      'Ông Lê Văn Hùng nói: “Không có chuyện vỡ đê. Người dân hãy yên tâm.”',
      'Sau đó ông rời đi.',
    ]);
    expect(splitSentences('"The bridge is safe. Nobody was hurt." The mayor left.')).toEqual(['"The bridge is safe. Nobody was hurt."', 'The mayor left.']);
  });

  it('ends sentences at paragraph breaks and ignores a quotation left open there', () => {
    expect(splitSentences('Tiêu đề không có dấu chấm\n\n“Trích dẫn bị cắt. Câu sau đó.')).toEqual(['Tiêu đề không có dấu chấm', '“Trích dẫn bị cắt.', 'Câu sau đó.']);
  });

  it('does not cut before a lower-case word', () => {
    expect(splitSentences('Giá xăng tăng... nhưng chỉ nhẹ. Hết.')).toEqual(['Giá xăng tăng... nhưng chỉ nhẹ.', 'Hết.']);
  });
});

describe('quotedSpans', () => {
  it('finds statements in curly quotes, guillemets and straight quotes, not scare quotes', () => {
    const text = 'Bà Trần Thị Mai nói “đê vẫn an toàn tuyệt đối” và gọi đó là “tin giả”. Ông B: «Chúng tôi đã kiểm tra toàn tuyến». He said "we found no damage at all".';
    expect(quotedSpans(text).map((span) => span.text)).toEqual(['đê vẫn an toàn tuyệt đối', 'Chúng tôi đã kiểm tra toàn tuyến', 'we found no damage at all']);
  });
});
