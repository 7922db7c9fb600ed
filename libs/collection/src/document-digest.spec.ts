import { documentDigest } from './document-digest';

describe('documentDigest', () => {
  const rss = { kind: 'rss' as const, listing: null };
  const served = { finalUrl: 'https://tin.example.vn/rss.xml', contentType: 'application/rss+xml; charset=utf-8', body: Buffer.from('<rss><channel><title>Tin mới</title></channel></rss>') };

  it('is the same for the same bytes read the same way', () => {
    expect(documentDigest(rss, served)).toBe(documentDigest(rss, { ...served, body: Buffer.from(served.body) }));
  });

  it('differs when a byte, the address, the charset, the kind or the listing rule differs', () => {
    const digest = documentDigest(rss, served);
    const others = [
      documentDigest(rss, { ...served, body: Buffer.from('<rss><channel><title>Tin moi</title></channel></rss>') }),
      documentDigest(rss, { ...served, finalUrl: 'https://tin.example.vn/rss/' }),
      documentDigest(rss, { ...served, contentType: 'application/rss+xml; charset=windows-1258' }),
      documentDigest({ kind: 'atom', listing: null }, served),
      documentDigest({ kind: 'web', listing: { linkPattern: '/tin/' } }, served),
      documentDigest({ kind: 'web', listing: { linkPattern: '/bai/' } }, served),
    ];
    expect(new Set([digest, ...others]).size).toBe(others.length + 1);
  });

  it('is null for a sitemap, whose index alone does not say what its child sitemaps list', () => {
    expect(documentDigest({ kind: 'sitemap', listing: null }, served)).toBeNull();
  });
});
