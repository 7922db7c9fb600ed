import { canonicalCandidate, canonicalizeUrl } from './canonical-url';

describe('canonicalizeUrl', () => {
  it.each([
    ['lower-cases scheme and host, keeps the path as written', 'HTTPS://TinNhanh.VN/Thoi-Su/Bai.html', 'https://tinnhanh.vn/Thoi-Su/Bai.html'],
    ['drops the default port', 'https://tinnhanh.vn:443/a', 'https://tinnhanh.vn/a'],
    ['keeps a non-default port', 'http://tinnhanh.vn:8080/a', 'http://tinnhanh.vn:8080/a'],
    ['drops the fragment', 'https://tinnhanh.vn/a#binh-luan', 'https://tinnhanh.vn/a'],
    [
      'drops utm_* and click ids',
      'https://tinnhanh.vn/a?utm_source=fb&UTM_MEDIUM=social&fbclid=IwAR&gclid=x&dclid=y&msclkid=z&mc_cid=1&mc_eid=2&igshid=3&_ga=4',
      'https://tinnhanh.vn/a',
    ],
    ['drops Zalo and referral parameters', 'https://tinnhanh.vn/a?zarsrc=30&zalo_source=share&ref=home&cmpid=nl&ito=792', 'https://tinnhanh.vn/a'],
    ['sorts the remaining parameters by name, keeping their encoding', 'https://tinnhanh.vn/tim?q=tin+gi%E1%BA%A3&page=2&a=1', 'https://tinnhanh.vn/tim?a=1&page=2&q=tin+gi%E1%BA%A3'],
    ['keeps repeated parameters in their order', 'https://tinnhanh.vn/a?tag=b&id=1&tag=a', 'https://tinnhanh.vn/a?id=1&tag=b&tag=a'],
    ['leaves no dangling "?"', 'https://tinnhanh.vn/a?utm_source=x', 'https://tinnhanh.vn/a'],
    ['drops credentials', 'https://user:secret@tinnhanh.vn/a', 'https://tinnhanh.vn/a'],
    ['does not rewrite index.html or trailing slashes', 'https://tinnhanh.vn/thoi-su/index.html', 'https://tinnhanh.vn/thoi-su/index.html'],
  ])('%s', (_rule, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('prefers the page’s canonical on the same registrable domain (m. → www., under a .com.vn suffix)', () => {
    expect(canonicalizeUrl('https://m.tinnhanh.com.vn/a.html?utm_source=x', 'https://www.tinnhanh.com.vn/a.html#top')).toBe(
      'https://www.tinnhanh.com.vn/a.html',
    );
  });

  it('resolves a relative canonical against the page URL', () => {
    expect(canonicalizeUrl('https://tinnhanh.vn/a/b.html?id=1', '/a/b.html')).toBe('https://tinnhanh.vn/a/b.html');
  });

  it.each([
    ['another site', 'https://aggregator.example.com/copy/1'],
    ['another site under the same public suffix', 'https://baokhac.com.vn/a.html'],
    ['a non-http scheme', 'ftp://tinnhanh.com.vn/a.html'],
    ['an unparsable value', 'http://[::1'],
  ])('ignores a canonical on %s', (_why, candidate) => {
    expect(canonicalizeUrl('https://www.tinnhanh.com.vn/a.html?fbclid=1', candidate)).toBe('https://www.tinnhanh.com.vn/a.html');
    expect(canonicalCandidate('https://www.tinnhanh.com.vn/a.html', candidate)).toBeNull();
  });

  it('accepts a canonical for an IP-addressed page only on the same address', () => {
    expect(canonicalizeUrl('http://203.0.113.5/a', 'http://203.0.113.5/b')).toBe('http://203.0.113.5/b');
    expect(canonicalizeUrl('http://203.0.113.5/a', 'http://203.0.113.6/b')).toBe('http://203.0.113.5/a');
  });

  it('throws on a page URL that is not absolute', () => {
    expect(() => canonicalizeUrl('/relative/path')).toThrow('Invalid URL');
  });
});
