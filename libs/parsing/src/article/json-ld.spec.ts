import { findJsonLdArticle } from './json-ld';

describe('findJsonLdArticle', () => {
  it('reads a NewsArticle: headline, dates, authors, images, publisher, body', () => {
    const block = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: ' Tin thử ',
      datePublished: '2026-11-26T08:15:00+07:00',
      dateModified: '2026-11-26T10:00:00+07:00',
      author: [{ '@type': 'Person', name: 'Minh Anh' }, 'Thu Hà'],
      image: [{ '@type': 'ImageObject', url: 'https://cdn.example.vn/a.jpg' }, 'https://cdn.example.vn/b.jpg'],
      publisher: { '@type': 'Organization', name: 'Tin Nhanh' },
      articleBody: 'Dòng một.\nDòng hai.',
    });
    expect(findJsonLdArticle([block])).toEqual({
      type: 'NewsArticle',
      headline: 'Tin thử',
      datePublished: '2026-11-26T08:15:00+07:00',
      dateModified: '2026-11-26T10:00:00+07:00',
      authorNames: ['Minh Anh', 'Thu Hà'],
      imageUrls: ['https://cdn.example.vn/a.jpg', 'https://cdn.example.vn/b.jpg'],
      articleBody: 'Dòng một.\nDòng hai.',
      publisherName: 'Tin Nhanh',
      isLiveBlog: false,
    });
  });

  it('finds the article in a @graph and resolves author and publisher references by @id', () => {
    const block = JSON.stringify({
      '@graph': [
        { '@type': 'WebPage', '@id': '#page', name: 'Trang' },
        { '@type': ['Article', 'NewsArticle'], headline: 'H', author: { '@id': '#jane' }, publisher: { '@id': '#org' } },
        { '@type': 'Person', '@id': '#jane', name: 'Jane Doe' },
        { '@type': 'Organization', '@id': '#org', name: 'The Riverside Herald' },
      ],
    });
    const article = findJsonLdArticle([block]);
    expect([article?.type, article?.authorNames, article?.publisherName]).toEqual(['Article', ['Jane Doe'], 'The Riverside Herald']);
  });

  it('finds an article nested as a WebPage’s mainEntity and flags a LiveBlogPosting', () => {
    const block = JSON.stringify({ '@type': 'WebPage', mainEntity: { '@type': 'LiveBlogPosting', headline: 'Trực tiếp' } });
    expect(findJsonLdArticle([block])?.isLiveBlog).toBe(true);
  });

  it('tolerates raw line breaks inside strings and skips blocks that are not JSON at all', () => {
    const broken = '{"@type": "NewsArticle", "headline": "Dòng một\nDòng hai"}';
    expect(findJsonLdArticle(['{not json', broken])?.headline).toBe('Dòng một Dòng hai');
  });

  it('answers null when no block describes an article', () => {
    expect(findJsonLdArticle(['{"@type":"BreadcrumbList"}', '[]', ''])).toBeNull();
  });
});
