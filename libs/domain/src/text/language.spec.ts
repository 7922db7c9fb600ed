import { detectLanguage } from './language';

describe('language detection', () => {
  it('recognises Vietnamese by its letters', () => {
    expect(detectLanguage('Bộ Y tế bác bỏ thông tin sai lệch về vắc-xin')).toBe('vi');
  });

  it('recognises English', () => {
    expect(detectLanguage('The ministry denied the false report about the vaccine')).toBe('en');
  });

  it('counts decomposed letters as their composed forms', () => {
    const text = 'Bộ Y tế bác bỏ thông tin sai lệch về vắc-xin';
    expect(detectLanguage(text.normalize('NFD'))).toBe('vi');
    expect(detectLanguage('\u212A'.repeat(12))).toBe('en');
  });

  it('decides by the share of Vietnamese letters among all letters, wherever they stand', () => {
    // The definition: more than 3% of the NFC text's ASCII and Vietnamese-only letters are Vietnamese-only.
    const onlyVietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
    const reference = (text: string) => {
      const composed = text.normalize('NFC');
      const vietnamese = composed.match(onlyVietnamese)?.length ?? 0;
      const letters = vietnamese + (composed.match(/[a-z]/gi)?.length ?? 0);
      return letters < 12 ? null : vietnamese / letters > 0.03 ? 'vi' : 'en';
    };
    const vietnamese = 'Bộ Y tế bác bỏ thông tin sai lệch về vắc-xin. ';
    const english = 'The ministry denied the false report about the vaccine again today. ';
    const answers = new Set<string | null>();
    for (let copies = 0; copies <= 8; copies += 1) {
      for (const text of [vietnamese + english.repeat(copies), english.repeat(copies) + vietnamese]) {
        expect(detectLanguage(text)).toBe(reference(text));
        answers.add(reference(text));
      }
    }
    expect([...answers].sort()).toEqual(['en', 'vi']);
  });

  it('answers null for text too short to tell', () => {
    expect(detectLanguage('OK')).toBeNull();
  });
});
