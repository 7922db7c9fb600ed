import type { CollectedEntry } from './collected-entry';
import { listEntries, planPoll } from './poll-plan';

const BASE = 'https://bao-thu.example/rss.xml';

function entry(slug: string, changes: Partial<CollectedEntry> = {}): CollectedEntry {
  return {
    id: `guid-${slug}`,
    link: `/tin/${slug}.html`,
    title: `<b>Tin</b> ${slug}`,
    body: `<p>Nội dung của tin ${slug}.</p>`,
    published: new Date('2026-11-20T01:00:00Z'),
    updated: null,
    author: null,
    imageUrls: [],
    ...changes,
  };
}

/** What a previous poll stored: each listed entry's key with its entry hash. */
function storedAfter(entries: CollectedEntry[]): Map<string, string | null> {
  return new Map(listEntries(entries, BASE).map(({ key }) => [key.dedupeKey, key.entryHash]));
}

const FEED = { announcesOnly: false, maxNew: 100 };

describe('planPoll', () => {
  it('converts no entry when an unchanged feed is polled again', () => {
    const entries = ['a', 'b', 'c'].map((slug) => entry(slug));
    const again = ['a', 'b', 'c'].map((slug) => entry(slug));
    expect(planPoll(listEntries(again, BASE), storedAfter(entries), FEED)).toEqual({ convert: [], capped: false });
  });

  it('converts only the new entry and the one whose title, text or dates changed', () => {
    const before = ['a', 'b', 'c', 'd'].map((slug) => entry(slug));
    const after = [
      entry('a'),
      entry('b', { title: 'Tin b (cập nhật)' }),
      entry('c', { updated: new Date('2026-11-20T03:00:00Z') }),
      entry('d', { author: 'Phóng viên', imageUrls: ['https://bao-thu.example/anh.jpg'] }),
      entry('e'),
    ];
    const { convert } = planPoll(listEntries(after, BASE), storedAfter(before), FEED);
    expect(convert.map(({ key }) => key.dedupeKey).sort()).toEqual(['guid-b', 'guid-c', 'guid-e']);
  });

  it('converts a known entry stored before entry hashes once, to record its hash', () => {
    const entries = [entry('a')];
    const { convert } = planPoll(listEntries(entries, BASE), new Map([['guid-a', null]]), FEED);
    expect(convert).toHaveLength(1);
  });

  it('never converts a known sitemap or listing URL again, changed or not', () => {
    const before = [entry('a', { id: null, body: '' })];
    const after = [entry('a', { id: null, body: '', title: 'Tiêu đề khác' })];
    expect(planPoll(listEntries(after, BASE), storedAfter(before), { announcesOnly: true, maxNew: 100 }).convert).toEqual([]);
  });

  it('takes at most maxNew new entries, newest first, and every changed one', () => {
    const hour = (index: number) => new Date(Date.UTC(2026, 10, 20, index));
    const before = [entry('cu', { published: hour(0) })];
    const after = [entry('cu', { published: hour(0), body: 'sửa' }), ...[1, 2, 3, 4].map((index) => entry(`moi-${index}`, { published: hour(index) }))];
    const { convert, capped } = planPoll(listEntries(after, BASE), storedAfter(before), { announcesOnly: false, maxNew: 2 });
    expect(capped).toBe(true);
    expect(convert.map(({ key }) => key.dedupeKey)).toEqual(['guid-cu', 'guid-moi-4', 'guid-moi-3']);
  });
});

describe('listEntries', () => {
  it('keys entries by guid, else by resolved URL, keeps the first of a key listed twice and drops entries without an http(s) link', () => {
    const listed = listEntries([entry('a'), entry('a', { title: 'bản sao' }), entry('b', { id: null }), entry('c', { link: 'javascript:alert(1)' })], BASE);
    expect(listed.map(({ key }) => key.dedupeKey)).toEqual(['guid-a', 'https://bao-thu.example/tin/b.html']);
    expect(listed[0]!.entry.title).toBe('<b>Tin</b> a');
  });
});
