import { sourceUrlKey } from './source-url';

describe('sourceUrlKey', () => {
  it('gives one key to the spellings of one feed address', () => {
    const key = sourceUrlKey('https://baohoason.example.vn/rss/thoi-su.rss');
    for (const spelling of [
      'http://baohoason.example.vn/rss/thoi-su.rss',
      'https://WWW.BaoHoaSon.example.vn:443/rss/thoi-su.rss/',
      'https://baohoason.example.vn/rss/thoi-su.rss#moi-nhat',
      'https://baohoason.example.vn/rss/thoi-su.rss?utm_source=zalo&fbclid=abc',
      ' https://baohoason.example.vn./rss/thoi-su.rss ',
    ]) {
      expect(sourceUrlKey(spelling)).toBe(key);
    }
  });

  it('keeps what can name another document: path case, other ports, other parameters (in any order)', () => {
    expect(sourceUrlKey('https://baohoason.example.vn/RSS/thoi-su.rss')).not.toBe(sourceUrlKey('https://baohoason.example.vn/rss/thoi-su.rss'));
    expect(sourceUrlKey('http://127.0.0.1:8081/feed')).not.toBe(sourceUrlKey('http://127.0.0.1:8082/feed'));
    expect(sourceUrlKey('https://a.example.vn/feed?cat=1')).not.toBe(sourceUrlKey('https://a.example.vn/feed?cat=2'));
    expect(sourceUrlKey('https://a.example.vn/feed?b=2&a=1')).toBe(sourceUrlKey('https://a.example.vn/feed?a=1&b=2'));
  });

  it('has no key for what is not an http(s) URL', () => {
    expect(sourceUrlKey('ftp://a.example.vn/feed')).toBeNull();
    expect(sourceUrlKey('not a url')).toBeNull();
  });
});
