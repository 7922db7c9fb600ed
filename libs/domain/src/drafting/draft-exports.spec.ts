import type { DraftDocument } from '@vigil/contracts';
import { claimReviewJsonLd } from './claim-review';
import { exportDraftHtml, exportDraftMarkdown, exportDraftText } from './draft-exports';

const document: DraftDocument = {
  blocks: [
    { kind: 'paragraph', inlines: [{ type: 'text', text: 'Tin <b>giả</b> & sai', italic: true }, { type: 'citation', citationId: 'c' }] },
    { kind: 'quote', inlines: [{ type: 'text', text: 'Đê an toàn' }] },
  ],
  citations: [
    { id: 'c', kind: 'document', targetId: null, url: 'javascript:alert(1)', title: 'Công văn "45"' },
  ],
};
const input = { title: 'Thông cáo', language: 'en' as const, document };

describe('draft exports', () => {
  it('writes plain text with the references at the end, in the draft language', () => {
    expect(exportDraftText(input)).toBe('Thông cáo\n\nTin <b>giả</b> & sai[1]\n\n“Đê an toàn”\n\nReferences\n[1] Công văn "45" — javascript:alert(1)\n');
  });

  it('escapes every character Markdown could read as syntax and links only http(s) URLs', () => {
    const markdown = exportDraftMarkdown(input);
    expect(markdown).toContain('*Tin \\<b\\>giả\\</b\\> \\& sai*\\[1\\]');
    expect(markdown).toContain('> Đê an toàn');
    expect(markdown).toContain('## References\n\n1. Công văn \\"45\\"\n');
    expect(markdown).not.toContain('](');
  });

  it('escapes every text in HTML and never links a non-http URL', () => {
    const html = exportDraftHtml(input);
    expect(html).toContain('<p><em>Tin &lt;b&gt;giả&lt;/b&gt; &amp; sai</em><sup><a href="#ref-1">[1]</a></sup></p>');
    expect(html).toContain('<blockquote><p>Đê an toàn</p></blockquote>');
    expect(html).toContain('<li id="ref-1">Công văn &quot;45&quot;</li>');
    expect(html).not.toContain('javascript:');
  });

  it('describes a published rebuttal as schema.org ClaimReview with the verdict in its language', () => {
    const jsonLd = claimReviewJsonLd({
      claim: 'Đê sông Hồng đã vỡ',
      language: 'vi',
      headline: 'Không có vỡ đê',
      firstAppearance: { url: 'https://tin.example.vn/a', publishedAt: '2026-11-26T01:00:00.000Z' },
      officeName: 'Sở TT&TT',
      publication: { url: 'https://example.gov.vn/b', publishedAt: '2026-11-27T03:00:00.000Z' },
    });
    expect(jsonLd).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'Đê sông Hồng đã vỡ',
      itemReviewed: { '@type': 'CreativeWork', url: 'https://tin.example.vn/a', datePublished: '2026-11-26T01:00:00.000Z' },
      author: { '@type': 'Organization', name: 'Sở TT&TT' },
      reviewRating: { alternateName: 'Sai sự thật' },
      datePublished: '2026-11-27T03:00:00.000Z',
      url: 'https://example.gov.vn/b',
    });
  });
});
