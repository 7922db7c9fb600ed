import { readFileSync } from 'node:fs';
import { runExtract } from './extract.command';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/articles/${name}`, import.meta.url), 'utf8');

describe('vigil extract', () => {
  it('prints what collection keeps of the page (dates, canonical URL, images, language) as indented JSON and exits 0', () => {
    const result = runExtract(fixture('tinnhanh-vi-og-only.html'), 'https://tinnhanh-hagiang.example.vn/kinh-te/gia-rau-xanh-tang-nhe.html');
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('{\n  "title": ')).toBe(true);
    expect(result.stdout.endsWith('\n}\n')).toBe(true);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['title', 'byline', 'publishedAt', 'updatedAt', 'canonicalUrl', 'imageUrls', 'language', 'siteName', 'text']);
    expect(printed).toMatchObject({
      title: 'Giá rau xanh tăng nhẹ sau đợt mưa lớn',
      byline: 'Lê Hoàng',
      publishedAt: '2026-11-25T10:05:00.000Z',
      language: 'vi',
    });
    expect(printed.canonicalUrl).toMatch(/^https:\/\/tinnhanh-hagiang\.example\.vn\//);
    expect(Array.isArray(printed.imageUrls)).toBe(true);
    expect(printed.text).toMatch(/^Tại các chợ đầu mối của tỉnh/);
  });

  it('works without --url (relative links resolve against a reserved placeholder)', () => {
    const result = runExtract(fixture('riverside-en-article.html'));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ byline: 'Jane Doe', publishedAt: '2026-11-26T02:30:00.000Z' });
  });

  it('exits 2 with a message when --url is not an absolute http(s) URL', () => {
    expect(runExtract('<p>x</p>', 'file:///etc/passwd')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'vigil extract: --url must be an absolute http(s) URL, got "file:///etc/passwd"\n',
    });
  });

  it('exits 1 with a message when the page has no article text', () => {
    expect(runExtract('<html><body><nav><a href="/">Trang chủ</a></nav></body></html>')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'vigil extract: no article text found in the page\n',
    });
  });
});
