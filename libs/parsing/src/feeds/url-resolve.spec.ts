import { resolveHttpUrl } from './url-resolve';

describe('resolveHttpUrl', () => {
  it('resolves relative links against the base and normalises them', () => {
    expect(resolveHttpUrl(' /bai-1.html ', 'https://Tin.Example.vn/rss/')).toBe('https://tin.example.vn/bai-1.html');
    expect(resolveHttpUrl('bai-2.html', 'https://tin.example.vn/rss/')).toBe('https://tin.example.vn/rss/bai-2.html');
  });

  it('gives an href it answered before back unchanged, whatever the base', () => {
    const href = resolveHttpUrl('https://tin.example.vn/a/../b?q=1#x')!;
    expect(href).toBe('https://tin.example.vn/b?q=1#x');
    expect(resolveHttpUrl(href, 'https://other.example.com/')).toBe(href);
  });

  it('refuses other schemes and what does not resolve', () => {
    expect(resolveHttpUrl('javascript:alert(1)', 'https://tin.example.vn/')).toBeNull();
    expect(resolveHttpUrl('mailto:a@b.vn')).toBeNull();
    expect(resolveHttpUrl('/relative')).toBeNull();
    expect(resolveHttpUrl('   ')).toBeNull();
    expect(resolveHttpUrl(null)).toBeNull();
  });
});
