import { type CollectedEntry, entryKey, toNewItem } from './collected-entry';

const BASE = 'https://baohoason.example.vn/';
const FETCHED_AT = new Date('2026-11-26T02:00:00.000Z');

function entry(overrides: Partial<CollectedEntry> = {}): CollectedEntry {
  return {
    id: 'hs-vh-1',
    link: 'https://baohoason.example.vn/van-hoa/le-hoi-thuy-hoa.html',
    title: 'Lễ hội văn hoá Thuỷ Hoà khai mạc',
    body: '<p>Lễ hội văn hoá Thuỷ Hoà (hư cấu) khai mạc sáng nay, không như tin đồn bị hoãn.</p>',
    published: new Date('2026-11-26T01:00:00.000Z'),
    updated: null,
    author: null,
    imageUrls: [],
    ...overrides,
  };
}

describe('toNewItem', () => {
  it('keeps the title and summary exactly as the publisher wrote them (tone placement and Unicode form)', () => {
    const item = toNewItem(entry(), 'source-1', BASE, FETCHED_AT, 'vi')!;
    expect(item.title).toBe('Lễ hội văn hoá Thuỷ Hoà khai mạc');
    expect(item.snippet).toBe('Lễ hội văn hoá Thuỷ Hoà (hư cấu) khai mạc sáng nay, không như tin đồn bị hoãn.');
    expect(item.text).toContain('văn hoá');

    const decomposed = 'Văn hoá'.normalize('NFD');
    expect(toNewItem(entry({ title: decomposed }), 'source-1', BASE, FETCHED_AT, 'vi')!.title).toBe(decomposed);
  });

  it('folds only the search fields and the exact-copy hash, so either spelling matches and dedupes', () => {
    const oldStyle = toNewItem(entry(), 'source-1', BASE, FETCHED_AT, 'vi')!;
    const newStyle = toNewItem(
      entry({ title: 'Lễ hội văn hóa Thủy Hòa khai mạc', body: '<p>Lễ hội văn hóa Thủy Hòa (hư cấu) khai mạc sáng nay, không như tin đồn bị hoãn.</p>'.normalize('NFD') }),
      'source-2',
      BASE,
      FETCHED_AT,
      'vi',
    )!;
    expect(newStyle.searchTitle).toBe(oldStyle.searchTitle);
    expect(oldStyle.searchTitle).toContain('van hoa thuy hoa');
    expect(newStyle.contentHash).toBe(oldStyle.contentHash);
  });

  it('dates an entry that gives only an update time by it', () => {
    const updated = new Date('2026-11-25T16:20:00.000Z');
    expect(toNewItem(entry({ published: null, updated }), 'source-1', BASE, FETCHED_AT, 'vi')!.publishedAt).toEqual(updated);
    expect(toNewItem(entry({ published: null, updated: null }), 'source-1', BASE, FETCHED_AT, 'vi')!.publishedAt).toBeNull();
  });

  it('tells an entry whose title changed only in tone placement as changed, since the stored title changes', () => {
    expect(entryKey(entry(), BASE)!.entryHash).not.toBe(entryKey(entry({ title: 'Lễ hội văn hóa Thủy Hòa khai mạc' }), BASE)!.entryHash);
  });
});
