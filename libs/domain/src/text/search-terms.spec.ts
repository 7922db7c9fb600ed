import { foldItem, searchFieldsOf, toSearchFields, toSearchTermGroups } from './search-terms';
import { toSearchText } from './vietnamese-text';

describe('toSearchFields', () => {
  it('adds the namespaced stems of title and text to the text of an English item', () => {
    expect(toSearchFields({ title: 'Ministry rejects claims', text: 'Officials said', language: 'en' })).toEqual({
      title: 'ministry rejects claims',
      text: 'officials said qxministri qxreject qxclaim qxoffici qxsaid',
    });
  });

  it('indexes a Vietnamese item exactly as toSearchText, without stems that would turn "máy" into "mai"', () => {
    const item = { title: 'Hoà giải thành công', text: 'Máy bơm hay hỏng ngày mưa', language: 'vi' };
    expect(toSearchFields(item)).toEqual({ title: toSearchText(item.title), text: toSearchText(item.text) });
  });

  it('adds no stems when the language is unknown', () => {
    expect(toSearchFields({ title: 'Claims', text: 'rejected', language: null })).toEqual({ title: 'claims', text: 'rejected' });
  });

  it('stems only ASCII words, so a tokenizer never cuts a stem token apart', () => {
    expect(toSearchFields({ title: 'Москва', text: 'Café 2026', language: 'en' }).text).toBe('cafe 2026 qxcafe qx2026');
  });
});

describe('toSearchTermGroups', () => {
  it('pairs every folded query word with its namespaced stem', () => {
    expect(toSearchTermGroups('Rejecting CLAIM')).toEqual([
      { token: 'rejecting', stem: 'qxreject' },
      { token: 'claim', stem: 'qxclaim' },
    ]);
  });

  it('folds a Vietnamese query as toSearchText does', () => {
    const groups = toSearchTermGroups('Thông tin sai lệch');
    expect(groups.map((group) => group.token).join(' ')).toBe(toSearchText('Thông tin sai lệch'));
  });

  it('answers no groups for a query without words', () => {
    expect(toSearchTermGroups(' ?! ')).toEqual([]);
  });
});

describe('searchFieldsOf', () => {
  it('gives toSearchFields from the item folded once', () => {
    const items = [
      { title: 'Ministry rejects claims', text: 'Officials said', language: 'en' },
      { title: 'Hoà giải thành công', text: 'Máy bơm hay hỏng ngày mưa', language: 'vi' },
    ];
    for (const item of items) expect(searchFieldsOf(foldItem(item), item.language)).toEqual(toSearchFields(item));
  });
});
