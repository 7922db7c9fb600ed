import { collapseWhitespace, decodeHtmlText, htmlToText } from './html-text';

describe('htmlToText (feed fragments)', () => {
  it.each([
    ['plain text, whitespace collapsed', '  Tin   nóng\n hôm nay ', 'Tin nóng hôm nay'],
    ['paragraphs kept apart', '<p>Một</p><p>Hai</p>', 'Một\nHai'],
    ['entities: named, numeric, legacy without ;', '&eacute;&#233;&#xE9;&#150; Tom &amp Jerry &nbsp;x', 'ééé– Tom & Jerry x'],
    ['unknown entity names stay as written', '&xxe; &unknown;', '&xxe; &unknown;'],
    ['CDATA remnants are comments in HTML', 'a <![CDATA[ gone ]]> b', 'a b'],
    ['nested tags', '<div><p>a <b>b <i>c</i></b></p></div>d', 'a b c\nd'],
    ['<br> forms end a line; one with attributes does not', 'x<br>y<br/>z<br />w<BR>v<br class="q">u', 'x\ny\nz\nw\nvu'],
    ['comments, <!--> included', 'a <!-- hidden <p>x</p> --> b <!--> c', 'a b c'],
    ['unclosed tags keep their text', '<p>Open <b>bold', 'Open bold'],
    ['an unterminated tag swallows the rest', 'kept <a href="x', 'kept'],
    ['a < that starts no tag is text', 'a < b and c > d, </> too', 'a < b and c > d, </> too'],
    ['script, style and noscript content dropped', '<script>alert("<p>")</script>a<style>p{}</style>b<noscript><img src=x>no</noscript>c', 'abc'],
    ['quoted > inside an attribute', '<p title="a>b">t</p><img alt=\'>\' src=y>z', 't\nz'],
    ['title and textarea are raw text', '<title>T &amp; <b>x</b></title>q', 'T & <b>x</b>q'],
    ['end tags with a space do not end a line', '<p>one</P><p>two</p >three', 'one\ntwothree'],
    ['a closed body ends the text', 'in</body>after', 'in'],
    ['declarations and processing instructions leave nothing', '<!DOCTYPE html>x<?php echo 1 ?>y', 'xy'],
  ])('%s', (_name, fragment, text) => {
    expect(htmlToText(fragment)).toBe(text);
  });

  it('decodes references as HTML does', () => {
    expect(decodeHtmlText('&AMP;&COPY &ampfoo &notit; &#0; &constructor;')).toBe('&© &foo ¬it; \uFFFD &constructor;');
  });
});

describe('collapseWhitespace', () => {
  it('makes every run of whitespace one space and trims, as replacing each /\\s+/ run does', () => {
    const samples = ['a b', '  a  b  ', 'a\tb\nc\r\nd', 'a \u00a0 b\u2003c\ufeff', '\n', '', 'một  hai ba', ' a\t\t b \u3000'];
    // Each whitespace character JavaScript knows, alone between words.
    for (const space of '\t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') samples.push(`a${space}b`);
    for (const sample of samples) expect(collapseWhitespace(sample)).toBe(sample.replace(/\s+/g, ' ').trim());
  });
});
