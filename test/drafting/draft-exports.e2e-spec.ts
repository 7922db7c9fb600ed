import type { ChannelLimits, DraftView } from '@vigil/contracts';
import { TestClock } from '@vigil/testing';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { DraftingDesk, paragraph } from './support/drafting-desk';

/**
 * Exports of a draft (issue 11): text, Markdown and HTML with numbered references (the writer's text escaped, never
 * raw HTML), ClaimReview JSON-LD once published, and the channel limits admins set.
 */
describe('Draft exports and channel limits', () => {
  let vigil: VigilTestApp;
  let desk: DraftingDesk;

  beforeAll(async () => {
    vigil = await startVigil({ VIGIL_OFFICE_NAME: 'Sở Thông tin và Truyền thông Hà Nội' }, { clock: new TestClock() });
    desk = new DraftingDesk(vigil);
    await desk.signIn('exports');
  }, 60_000);

  afterAll(async () => {
    await vigil?.close();
  });

  const exported = (draftId: string, format: string) => vigil.request<string>('GET', `/api/drafts/${draftId}/export?format=${format}`, { token: desk.people.officer.token });

  it('exports text, Markdown and HTML with the references numbered by first citation, escaping what the writer typed', async () => {
    const opened = await desk.openCase('high', { claimSummary: 'Đê sông Hồng đã vỡ tại Hà Đông' });
    const item = await desk.item('Bài đăng: đê sông Hồng vỡ', { hoursAgo: 30 });
    await desk.link(opened.id, item.id);
    const document = {
      blocks: [
        { kind: 'heading', inlines: [{ type: 'text', text: 'Sự thật về đê sông Hồng' }] },
        paragraph('Tin đồn <script>alert(1)</script> là sai', 'doc', 'item'),
        { kind: 'bullet', inlines: [{ type: 'text', text: 'Đê an toàn', bold: true }, { type: 'citation', citationId: 'doc' }] },
      ],
      citations: [
        { id: 'item', kind: 'item', targetId: item.id, url: item.url, title: 'Bài đăng lan truyền' },
        { id: 'doc', kind: 'document', targetId: null, url: 'https://example.gov.vn/cong-van/45', title: 'Công văn 45 <của> Sở' },
      ],
    };
    const draft = (await desk.api<DraftView>('POST', `/api/cases/${opened.id}/drafts`, 'writer', { title: 'Thông cáo vỡ đê', channel: 'website_article', language: 'vi', document })).body;

    const text = await exported(draft.id, 'text');
    expect(text.status).toBe(200);
    expect(text.body).toBe(
      [
        'Thông cáo vỡ đê',
        '',
        'Sự thật về đê sông Hồng',
        '',
        'Tin đồn <script>alert(1)</script> là sai[1][2]',
        '',
        '- Đê an toàn[1]',
        '',
        'Nguồn tham khảo',
        '[1] Công văn 45 <của> Sở — https://example.gov.vn/cong-van/45',
        `[2] Bài đăng lan truyền — ${item.url}`,
        '',
      ].join('\n'),
    );

    const markdown = await exported(draft.id, 'markdown');
    expect(markdown.body).toContain('## Sự thật về đê sông Hồng');
    expect(markdown.body).toContain('Tin đồn \\<script\\>alert\\(1\\)\\</script\\> là sai\\[1\\]\\[2\\]');
    expect(markdown.body).toContain('- **Đê an toàn**\\[1\\]');
    expect(markdown.body).toContain('## Nguồn tham khảo\n\n1. [Công văn 45 \\<của\\> Sở](<https://example.gov.vn/cong-van/45>)\n2. [Bài đăng lan truyền]');

    const html = await exported(draft.id, 'html');
    expect(html.body).not.toContain('<script>');
    expect(html.body).toContain('<p>Tin đồn &lt;script&gt;alert(1)&lt;/script&gt; là sai<sup><a href="#ref-1">[1]</a></sup><sup><a href="#ref-2">[2]</a></sup></p>');
    expect(html.body).toContain('<ul>\n<li><strong>Đê an toàn</strong><sup><a href="#ref-1">[1]</a></sup></li>\n</ul>');
    expect(html.body).toContain('<li id="ref-1">Công văn 45 &lt;của&gt; Sở — <a href="https://example.gov.vn/cong-van/45" rel="noopener noreferrer">');

    expect(await vigil.request('GET', `/api/drafts/${draft.id}/export?format=claimreview`, { token: desk.people.officer.token })).toMatchObject({ status: 409, body: { code: 'draft_action_illegal' } });
    expect(await vigil.request('GET', `/api/drafts/${draft.id}/export?format=pdf`, { token: desk.people.officer.token })).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
  });

  it('exports a published rebuttal as ClaimReview JSON-LD: the claim, the verdict, its first appearance, the office, the publication', async () => {
    const opened = await desk.openCase('high', { claimSummary: 'Đê sông Hồng đã vỡ tại Hà Đông' });
    const first = await desk.item('Bài đăng đầu tiên về vỡ đê', { hoursAgo: 48 });
    const later = await desk.item('Bài đăng lại về vỡ đê', { hoursAgo: 3 });
    await desk.link(opened.id, later.id);
    await desk.link(opened.id, first.id);
    const document = { blocks: [paragraph('Thông tin vỡ đê là sai sự thật.', 'c1')], citations: [{ id: 'c1', kind: 'item', targetId: first.id, url: first.url, title: 'Bài đăng đầu tiên' }] };
    const draft = (await desk.api<DraftView>('POST', `/api/cases/${opened.id}/drafts`, 'writer', { title: 'Không có chuyện vỡ đê', channel: 'website_article', language: 'vi', document })).body;
    await desk.api('POST', `/api/drafts/${draft.id}/submit`, 'writer', { version: 1 });
    await desk.api('POST', `/api/drafts/${draft.id}/approve`, 'reviewer', { version: 1 });
    const publishedAt = new Date(vigil.clock.now().getTime() - 60_000).toISOString();
    expect((await desk.api<DraftView>('POST', `/api/drafts/${draft.id}/publish`, 'leader', { url: 'https://example.gov.vn/bai-viet/khong-vo-de', publishedAt })).status).toBe(200);

    const claimReview = await vigil.request<Record<string, unknown>>('GET', `/api/drafts/${draft.id}/export?format=claimreview`, { token: desk.people.officer.token });
    expect(claimReview.status).toBe(200);
    expect(claimReview.body).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://example.gov.vn/bai-viet/khong-vo-de',
      headline: 'Không có chuyện vỡ đê',
      inLanguage: 'vi',
      datePublished: publishedAt,
      author: { '@type': 'Organization', name: 'Sở Thông tin và Truyền thông Hà Nội' },
      claimReviewed: 'Đê sông Hồng đã vỡ tại Hà Đông',
      itemReviewed: { '@type': 'CreativeWork', url: first.url, datePublished: first.publishedAt },
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'Sai sự thật' },
    });
  });

  it('lets admins set the channel limits, which drafts then count against, and refuses a bad limit', async () => {
    const defaults = await desk.api<ChannelLimits>('GET', '/api/channel-limits', 'officer');
    expect(defaults.body).toEqual({ press_statement: null, website_article: null, talking_points: null, social_post: { x: 280, facebook: 2000, zalo: 2000 } });
    const admin = await vigil.adminToken();
    const changed = { ...defaults.body, talking_points: 1500, social_post: { ...defaults.body.social_post, x: 500 } };
    expect((await desk.api<ChannelLimits>('PUT', '/api/channel-limits', admin, changed)).body).toEqual(changed);
    expect(await desk.api('PUT', '/api/channel-limits', 'leader', changed)).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(await desk.api('PUT', '/api/channel-limits', admin, { ...changed, social_post: { x: 0, facebook: 2000, zalo: 2000 } })).toMatchObject({ status: 400, body: { code: 'channel_limit_invalid', field: 'social_post.x' } });
    expect(await desk.api('PUT', '/api/channel-limits', admin, { ...changed, press_statement: 'dài' })).toMatchObject({ status: 400, body: { code: 'channel_limit_invalid', field: 'press_statement' } });
    const opened = await desk.openCase();
    const post = await desk.api<DraftView>('POST', `/api/cases/${opened.id}/drafts`, 'writer', { title: 'Bài X', channel: 'social_post', platform: 'x', language: 'en' });
    expect(post.body.lengthLimit).toBe(500);
    const points = await desk.api<DraftView>('POST', `/api/cases/${opened.id}/drafts`, 'writer', { title: 'Talking points', channel: 'talking_points', language: 'en' });
    expect(points.body.lengthLimit).toBe(1500);
  });
});
