import { declareNamespacePrefixes, repairXml } from './xml-repair';
import { stripDoctypes } from './xml-safety';
import { decodeXmlText, repairEntities } from './xml-text';

describe('repairEntities', () => {
  it('rewrites HTML named entities as numeric references and keeps the five XML ones', () => {
    expect(repairEntities('A&nbsp;B &sbquo;C&hellip; &eacute; &amp;&lt;&gt;&quot;&apos;')).toBe(
      'A&#160;B &#8218;C&#8230; &#233; &amp;&lt;&gt;&quot;&apos;',
    );
  });

  it('makes bare ampersands and unknown names literal, never looking them up', () => {
    expect(repairEntities('Tom & Jerry &xxe; &constructor; &#65;')).toBe('Tom &amp; Jerry &amp;xxe; &amp;constructor; &#65;');
  });

  it('drops references to characters XML forbids', () => {
    expect(repairEntities('a&#0;b&#x1F;c&#xD800;d&#1114112;e')).toBe('abcde');
  });
});

describe('decodeXmlText', () => {
  it('decodes XML, numeric and HTML references and leaves unknown names as written', () => {
    expect(decodeXmlText('a&amp;b &#7921;&#x1EF1; &nbsp;&hellip; &lol9; &constructor; & x')).toBe(
      'a&b ựự \u00a0… &lol9; &constructor; & x',
    );
  });
});

describe('repairXml', () => {
  it('closes a truncated document after its last complete item', () => {
    expect(repairXml('<rss><channel><title>T</title><item><title>1</title></item><item><title>2')).toBe(
      '<rss><channel><title>T</title><item><title>1</title></item></channel></rss>',
    );
  });

  it('keeps CDATA sections untouched', () => {
    expect(repairXml('<a><b><![CDATA[Tom & <i>Jerry</b>]]></b></a>')).toBe('<a><b><![CDATA[Tom & <i>Jerry</b>]]></b></a>');
  });

  it('self-closes void elements, inserts missing end tags and drops stray ones', () => {
    expect(repairXml('<item><description>a<br>b<p>c</span></description></item>')).toBe(
      '<item><description>a<br/>b<p>c</p></description></item>',
    );
  });

  it('escapes a "<" that starts no tag', () => {
    expect(repairXml('<t>1 <2 and x <y </t>')).toBe('<t>1 &lt;2 and x &lt;y </t>');
  });

  it('repairs entities inside attribute values', () => {
    expect(repairXml('<a href="/x?a=1&b=2">k</a>')).toBe('<a href="/x?a=1&amp;b=2">k</a>');
  });

  it('drops declarations left outside a DOCTYPE', () => {
    expect(repairXml('<r><!ENTITY x "y"><t>&x;</t></r>')).toBe('<r><t>&amp;x;</t></r>');
  });
});

describe('declareNamespacePrefixes', () => {
  it('declares used but undeclared prefixes on the root, with the well-known URI when there is one', () => {
    expect(declareNamespacePrefixes('<?xml version="1.0"?><rss xmlns:dc="x"><dc:creator/><media:thumbnail vx:a="1"/></rss>')).toBe(
      '<?xml version="1.0"?><rss xmlns:media="http://search.yahoo.com/mrss/" xmlns:vx="urn:x-undeclared:vx" xmlns:dc="x">' +
        '<dc:creator/><media:thumbnail vx:a="1"/></rss>',
    );
  });

  it('leaves a document with every prefix declared as it is', () => {
    const xml = '<feed xmlns:media="http://search.yahoo.com/mrss/" xml:lang="vi"><media:title/></feed>';
    expect(declareNamespacePrefixes(xml)).toBe(xml);
  });
});

describe('stripDoctypes', () => {
  it('removes the DOCTYPE with its internal subset, quoted ">" and comments included', () => {
    expect(stripDoctypes('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "x>y"><!-- ]> -->]>\n<r>&a;</r>')).toBe(
      '<?xml version="1.0"?>\n\n<r>&a;</r>',
    );
  });

  it('removes everything after an unterminated DOCTYPE', () => {
    expect(stripDoctypes('<!DOCTYPE r [<!ENTITY a "x"><r>&a;</r>')).toBe('');
  });
});
