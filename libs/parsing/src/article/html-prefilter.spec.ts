import { prefilterHtml } from './html-prefilter';

describe('prefilterHtml', () => {
  it('removes scripts, styles, noscript, templates, inline SVG and comments', () => {
    const html =
      '<body><p>a</p><script>var s = "</div>";</script><style>p{}</style><noscript><img src=x></noscript><template><p>t</p></template><svg><path d="M0"/></svg><!-- c --><p>b</p></body>';
    expect(prefilterHtml(html).html).toBe('<body><p>a</p>     <p>b</p></body>');
  });

  it('treats "<script>" inside a comment as comment text and "<!--" inside a script as script text', () => {
    expect(prefilterHtml('<body><!-- <script> --><p>a</p></body>').html).toBe('<body><p>a</p></body>');
    expect(prefilterHtml('<body><script>var c = "<!--";</script><p>a</p></body>').html).toBe('<body> <p>a</p></body>');
  });

  it('drops an unterminated script to the end of the input, as a browser would', () => {
    expect(prefilterHtml('<body><p>a</p><script>while(1){}').html).toBe('<body><p>a</p> ');
  });

  it('sets JSON-LD blocks aside in document order and leaves other scripts out', () => {
    const html = `<head><script type="application/ld+json">{"@type":"NewsArticle"}</script><script>x()</script><script type='application/ld+json'>[1]</script></head><body></body>`;
    expect(prefilterHtml(html).jsonLd).toEqual(['{"@type":"NewsArticle"}', '[1]']);
  });

  it('wraps a fragment without <body>, keeping the <html lang>', () => {
    expect(prefilterHtml('<html lang="vi"><title>T</title><p>a</p></html>').html).toBe(
      '<!DOCTYPE html><html lang="vi"><head></head><body><title>T</title><p>a</p></body></html>',
    );
  });
});
