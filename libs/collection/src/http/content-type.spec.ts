import { contentTypeProblem, mediaTypeOf } from './content-type';

describe('content-type checks', () => {
  const url = 'https://tin.example/rss';

  it.each(['application/rss+xml', 'application/atom+xml; charset=utf-8', 'text/xml', 'application/xml', 'application/feed+json', 'application/json', 'text/html', 'text/plain'])(
    'accepts %s for a feed',
    (contentType) => expect(contentTypeProblem(url, contentType, 'feed')).toBeNull(),
  );

  it.each(['image/png', 'video/mp4', 'application/octet-stream', 'application/pdf', 'application/zip'])('refuses %s for a feed', (contentType) => {
    expect(contentTypeProblem(url, contentType, 'feed')).toBe(`Expected a feed (XML or JSON) but ${url} is ${contentType}`);
  });

  it('accepts only HTML for a page', () => {
    expect(contentTypeProblem(url, 'text/html; charset=windows-1258', 'html')).toBeNull();
    expect(contentTypeProblem(url, 'application/xhtml+xml', 'html')).toBeNull();
    expect(contentTypeProblem(url, 'application/rss+xml', 'html')).toBe(`Expected an HTML page but ${url} is application/rss+xml`);
  });

  it('lets a missing or unparsable Content-Type through for the parser to judge', () => {
    expect(contentTypeProblem(url, null, 'feed')).toBeNull();
    expect(contentTypeProblem(url, 'garbage', 'html')).toBeNull();
    expect(mediaTypeOf(' Text/HTML ; charset=UTF-8')).toBe('text/html');
  });

  it('accepts anything when the caller expects anything', () => {
    expect(contentTypeProblem(url, 'image/png', 'any')).toBeNull();
  });
});
