import { type DraftBlock, TEMPLATE_PLACEHOLDERS } from '@vigil/contracts';
import { formatTemplateDate, renderTemplate, unknownTemplatePlaceholder } from './draft-template';
import { isFactExpired, isFactValidOn, officeDay } from './fact-validity';

const paragraph = (text: string): DraftBlock => ({ kind: 'paragraph', inlines: [{ type: 'text', text }] });

describe('draft templates', () => {
  it('accepts every documented placeholder, spaces inside the braces included', () => {
    const body = TEMPLATE_PLACEHOLDERS.map((name) => `{{${name}}}`).join('\n') + '\n{{ case_title }}';
    expect(unknownTemplatePlaceholder(body)).toBeNull();
  });

  it('names the first placeholder it does not know', () => {
    expect(unknownTemplatePlaceholder('# {{case_title}}\n{{ten_co_quan}} và {{other}}')).toBe('ten_co_quan');
    expect(unknownTemplatePlaceholder('{{}}')).toBe('');
  });

  it('reads headings, bullets, quotes and paragraphs separated by blank lines', () => {
    const blocks = renderTemplate('# Tiêu đề\nDòng một\ndòng hai\n\n- Ý một\n> Trích dẫn\nĐoạn cuối', {}, 'vi');
    expect(blocks).toEqual([
      { kind: 'heading', inlines: [{ type: 'text', text: 'Tiêu đề' }] },
      paragraph('Dòng một dòng hai'),
      { kind: 'bullet', inlines: [{ type: 'text', text: 'Ý một' }] },
      { kind: 'quote', inlines: [{ type: 'text', text: 'Trích dẫn' }] },
      paragraph('Đoạn cuối'),
    ]);
  });

  it('inserts text values verbatim, never as markup', () => {
    const blocks = renderTemplate('{{case_title}}\n# Hồ sơ {{case_reference}}', { case_title: '# Tin "cắt nước" <b>', case_reference: 'VG-2026-0001' }, 'vi');
    expect(blocks).toEqual([paragraph('# Tin "cắt nước" <b>'), { kind: 'heading', inlines: [{ type: 'text', text: 'Hồ sơ VG-2026-0001' }] }]);
  });

  it('expands a block value on its own line into its blocks, keeping citations', () => {
    const facts: DraftBlock[] = [
      { kind: 'bullet', inlines: [{ type: 'text', text: 'Nước vẫn cấp bình thường' }, { type: 'citation', citationId: 'c1' }] },
      { kind: 'bullet', inlines: [{ type: 'text', text: 'Không có kế hoạch cắt nước' }] },
    ];
    const blocks = renderTemplate('Thông tin chính thức:\n{{facts}}\nHết.', { facts }, 'vi');
    expect(blocks).toEqual([paragraph('Thông tin chính thức:'), ...facts, paragraph('Hết.')]);
  });

  it('uses the plain text of a block value written inside other text', () => {
    const summary = [paragraph('Câu một.'), paragraph('Câu hai.')];
    expect(renderTemplate('Tóm tắt: {{summary}}', { summary }, 'vi')).toEqual([paragraph('Tóm tắt: Câu một. Câu hai.')]);
  });

  it('leaves out what an absent or empty value would have filled', () => {
    expect(renderTemplate('# {{case_title}}\n{{quotes}}\n\nCuối', { quotes: [] }, 'vi')).toEqual([paragraph('Cuối')]);
  });

  it('writes the date as the office’s calendar day in the template’s language', () => {
    // 18:30 UTC on 1 December is already 2 December in Hà Nội.
    const at = new Date('2026-12-01T18:30:00Z');
    expect(formatTemplateDate(at, 'vi')).toBe('ngày 2 tháng 12 năm 2026');
    expect(renderTemplate('{{office_name}}, {{date}}', { office_name: 'Sở TT&TT', date: at }, 'en')).toEqual([paragraph('Sở TT&TT, 2 December 2026')]);
  });
});

describe('fact validity', () => {
  it('counts the office’s day, seven hours ahead of UTC', () => {
    expect(officeDay(new Date('2026-12-01T16:59:59Z'))).toBe('2026-12-01');
    expect(officeDay(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
  });

  it('expires a fact the day after its last valid day, and never one without an end', () => {
    const fact = { validFrom: '2026-01-01', validUntil: '2026-06-30' };
    expect(isFactExpired(fact, '2026-06-30')).toBe(false);
    expect(isFactExpired(fact, '2026-07-01')).toBe(true);
    expect(isFactExpired({ validFrom: '2026-01-01', validUntil: null }, '2099-01-01')).toBe(false);
  });

  it('holds a fact valid only inside its window, both ends included', () => {
    const fact = { validFrom: '2026-01-01', validUntil: '2026-06-30' };
    expect(isFactValidOn(fact, '2025-12-31')).toBe(false);
    expect(isFactValidOn(fact, '2026-01-01')).toBe(true);
    expect(isFactValidOn(fact, '2026-06-30')).toBe(true);
    expect(isFactValidOn(fact, '2026-07-01')).toBe(false);
  });
});
