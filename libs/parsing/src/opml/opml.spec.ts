import { buildOpml, OpmlError, parseOpml } from './opml';

const SUBSCRIPTIONS = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Nguồn theo dõi</title></head>
  <body>
    <outline text="Báo địa phương">
      <outline type="rss" text="Tin Nhanh Hà Giang" xmlUrl="https://tinnhanh-hagiang.example.vn/rss/thoi-su.rss" htmlUrl="https://tinnhanh-hagiang.example.vn/" category="thoi-su"/>
      <outline type="rss" title="Sông Lam &amp; Đời sống" text="ignored" xmlUrl="https://songlam.example.vn/feed"/>
    </outline>
    <outline type="rss" text="Riverside Herald" xmlUrl="https://riverside-herald.example.com/atom.xml"/>
  </body>
</opml>`;

describe('OPML', () => {
  it('reads feed outlines, turning folders and categories into tags', () => {
    expect(parseOpml(SUBSCRIPTIONS)).toEqual([
      {
        title: 'Tin Nhanh Hà Giang',
        xmlUrl: 'https://tinnhanh-hagiang.example.vn/rss/thoi-su.rss',
        htmlUrl: 'https://tinnhanh-hagiang.example.vn/',
        tags: ['Báo địa phương', 'thoi-su'],
        kind: null,
      },
      { title: 'Sông Lam & Đời sống', xmlUrl: 'https://songlam.example.vn/feed', htmlUrl: null, tags: ['Báo địa phương'], kind: null },
      { title: 'Riverside Herald', xmlUrl: 'https://riverside-herald.example.com/atom.xml', htmlUrl: null, tags: [], kind: null },
    ]);
  });

  it('round-trips what it writes, Vigil kinds included', () => {
    const outlines = parseOpml(SUBSCRIPTIONS).map((outline, index) => ({ ...outline, kind: index === 2 ? 'atom' : 'rss' }));
    expect(parseOpml(buildOpml('Vigil', outlines, new Date('2026-11-27T00:00:00Z')))).toEqual(outlines);
  });

  it('refuses a document that is not OPML, and one with a DOCTYPE', () => {
    expect(() => parseOpml('<rss><channel/></rss>')).toThrow(OpmlError);
    expect(() => parseOpml('<!DOCTYPE x [<!ENTITY a "aaaa">]><opml><body/></opml>')).toThrow(/DOCTYPE/);
    expect(() => parseOpml('<opml><body><outline')).toThrow(/Unreadable OPML|Not an OPML/);
  });
});
