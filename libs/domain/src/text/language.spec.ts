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

  it('answers null for text too short to tell', () => {
    expect(detectLanguage('OK')).toBeNull();
  });
});
