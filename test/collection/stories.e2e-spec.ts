import type { StoryView } from '@vigil/contracts';
import { articlePage, type ArticleContent, rss2 } from '../fixtures/collection';
import { CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

/** A fictional flood reported by two outlets in their own words, and an unrelated fair in the same province. */
const FLOOD_FIRST: ArticleContent = {
  title: 'Lũ lớn nhấn chìm nhiều xã ven sông Lam ở tỉnh Hoà Sơn',
  byline: 'Phóng viên Thời sự',
  publishedAt: '2026-11-28T06:40:00+07:00',
  lang: 'vi',
  paragraphs: [
    'Mưa lớn kéo dài ba ngày khiến nước sông Lam dâng cao, nhấn chìm hàng nghìn ngôi nhà ở các huyện ven sông của tỉnh Hoà Sơn.',
    'Ban chỉ huy phòng chống thiên tai tỉnh đã sơ tán hơn hai nghìn hộ dân đến nơi an toàn, nhiều tuyến đường liên xã bị chia cắt.',
    'Lực lượng vũ trang được huy động cùng xuồng máy để tiếp tế lương thực cho các thôn bị cô lập.',
  ],
};
const FLOOD_SECOND: ArticleContent = {
  title: 'Hoà Sơn khẩn cấp sơ tán dân khi sông Lam vượt báo động ba',
  byline: 'Nhóm phóng viên',
  publishedAt: '2026-11-28T07:15:00+07:00',
  lang: 'vi',
  paragraphs: [
    'Chính quyền tỉnh Hoà Sơn khẩn trương di dời người dân vùng trũng khi mực nước sông Lam vượt mức báo động ba sau ba ngày mưa lớn.',
    'Hàng nghìn hộ dân ven sông đã được đưa đến nhà văn hoá và trường học, lực lượng cứu hộ dùng xuồng đưa người già và trẻ em ra khỏi vùng ngập.',
  ],
};
const FAIR: ArticleContent = {
  title: 'Hội chợ nông sản tỉnh Hoà Sơn khai mạc với hai trăm gian hàng',
  byline: 'Phóng viên Kinh tế',
  publishedAt: '2026-11-28T07:30:00+07:00',
  lang: 'vi',
  paragraphs: ['Hội chợ nông sản thường niên của tỉnh Hoà Sơn khai mạc sáng nay với hơn hai trăm gian hàng.', 'Ban tổ chức dự kiến đón khoảng mười nghìn lượt khách trong ba ngày.'],
};

/**
 * Stories beyond near duplicates (issue 9): reports of one event in different words, from different outlets, are
 * clustered into one story by the similarity of their terms; a report of another event is not.
 */
describe('Collection: differently worded reports of one event form one story', () => {
  let first: CollectionFixtureServer;
  let second: CollectionFixtureServer;
  let vigil: CollectionHarness;

  beforeAll(async () => {
    first = new CollectionFixtureServer();
    second = new CollectionFixtureServer();
    await Promise.all([first.start(), second.start()]);
    vigil = await CollectionHarness.start();
  });

  afterAll(async () => {
    await vigil?.close();
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('links two outlets’ own reports of a flood into one story, and leaves an unrelated fair out of it', async () => {
    const floodUrl = first.page('/thoi-su/lu-song-lam.html', articlePage(FLOOD_FIRST));
    const fairUrl = first.page('/kinh-te/hoi-cho-nong-san.html', articlePage(FAIR));
    first.feed(
      '/rss.xml',
      rss2({ title: 'Báo Hòa Sơn', link: first.url('/') }, [
        { title: FLOOD_FIRST.title, link: floodUrl, guid: 'hs-1', summary: FLOOD_FIRST.paragraphs[0] },
        { title: FAIR.title, link: fairUrl, guid: 'hs-2', summary: FAIR.paragraphs[0] },
      ]),
    );
    const copyUrl = second.page('/xa-hoi/so-tan-dan.html', articlePage(FLOOD_SECOND, { siteName: 'Báo Lạc Viên' }));
    second.feed('/rss.xml', rss2({ title: 'Báo Lạc Viên', link: second.url('/') }, [{ title: FLOOD_SECOND.title, link: copyUrl, guid: 'lv-1', summary: FLOOD_SECOND.paragraphs[0] }]));

    const agency = await vigil.addSource({ name: 'Báo Hòa Sơn', url: first.url('/rss.xml'), kind: 'rss' });
    const [flood, fair] = await vigil.waitForArticles(agency.id, [
      { url: floodUrl, article: FLOOD_FIRST },
      { url: fairUrl, article: FAIR },
    ]);
    const other = await vigil.addSource({ name: 'Báo Lạc Viên', url: second.url('/rss.xml'), kind: 'rss' });
    const [report] = await vigil.waitForArticles(other.id, [{ url: copyUrl, article: FLOOD_SECOND }]);

    expect(report!.storyId).not.toBeNull();
    expect((await vigil.item(flood!.id)).storyId).toBe(report!.storyId);
    expect((await vigil.item(fair!.id)).storyId).toBeNull();

    const story = await vigil.vigil.request<StoryView>('GET', `/api/stories/${report!.storyId}`, { token: vigil.token });
    expect(story.status).toBe(200);
    expect(story.body).toMatchObject({ title: FLOOD_FIRST.title, firstSource: { id: agency.id, name: 'Báo Hòa Sơn' }, itemCount: 2, sourceCount: 2 });
    expect(story.body.items.map((item) => item.id)).toEqual([flood!.id, report!.id]);
    expect(story.body.hourly.reduce((sum, hour) => sum + hour.count, 0)).toBe(2);
  });
});
