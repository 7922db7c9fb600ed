/**
 * Stored-XSS payloads as a hostile publisher would plant them in feeds and article pages. Each one, if it ever ran,
 * calls the page's tripwire `__xss(label)` (or opens an `alert` dialog), or loads the fixture server's `/beacon/…`
 * (style-based payloads cannot call a function, but they can fetch), so the browser spec knows which one escaped.
 */

/** Live markup: what a page or an HTML feed field carries. `beacon` is the fixture server's origin. */
export function livePayloads(label: string, beacon: string): string[] {
  const call = (name: string) => `__xss('${label}-${name}')`;
  return [
    `<script>${call('script')}</script>`,
    `<img src="x" onerror="${call('img')}">`,
    `<img src=x onerror=${call('img-bare')}>`,
    `<svg onload="${call('svg')}"></svg>`,
    `<svg><script>${call('svg-script')}</script></svg>`,
    `<iframe srcdoc="<script>parent.${call('srcdoc')}</script>"></iframe>`,
    `<a href="javascript:${call('href')}">Xem thêm</a>`,
    `<a href="jav&#x09;ascript:${call('href-tab')}">Chi tiết</a>`,
    `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${call('href-entities')}">Nguồn</a>`,
    `<details open ontoggle="${call('toggle')}"><summary>Tóm tắt</summary></details>`,
    `<body onload="${call('body')}">`,
    `<input autofocus onfocus="${call('focus')}">`,
    `<math><mtext><table><mglyph><style><img src=x onerror="${call('mxss')}">`,
    `<div style="background-image:url('${beacon}/beacon/${label}-style-attr')">Ảnh nền</div>`,
    `<style>@import url('${beacon}/beacon/${label}-style-import'); body{background:url('${beacon}/beacon/${label}-style-rule')}</style>`,
    `<object data="javascript:${call('object')}"></object>`,
    `<embed src="javascript:${call('embed')}">`,
    `<form action="javascript:${call('form')}"><button formaction="javascript:${call('formaction')}">Gửi</button></form>`,
    `<meta http-equiv="refresh" content="0;url=javascript:${call('refresh')}">`,
    `<img src="${beacon}/beacon/${label}-img-load" alt="ảnh">`,
    `<img src=x alt="<svg onload=${call('alt')}>">`,
    `<noscript><p title="</noscript><img src=x onerror=${call('noscript')}>"></noscript>`,
  ];
}

/** The same payloads as text: what a plain-text field (a title, an author) may carry; it must stay text. */
export function textPayload(label: string): string {
  return `Tin <img src=x onerror="__xss('${label}')"> <svg onload=__xss('${label}-svg')> <script>__xss('${label}-script')</script> “giật gân”`;
}

/** Entity-encoded markup, once and twice: a renderer that decodes entities and then injects HTML would run it. */
export function encodedPayloads(label: string): string[] {
  return [
    `&lt;img src=x onerror=__xss('${label}-entity')&gt;`,
    `&amp;lt;script&amp;gt;__xss('${label}-double-entity')&amp;lt;/script&amp;gt;`,
    `&#60;svg onload=__xss('${label}-numeric')&#62;`,
    `\\u003cimg src=x onerror=__xss('${label}-js-escape')\\u003e`,
  ];
}

/** An article page whose every field is hostile; `paragraphs` are the story so extraction finds it. */
export function hostileArticlePage(options: { label: string; title: string; byline: string; paragraphs: string[]; beacon: string }): string {
  const { label, beacon } = options;
  const live = livePayloads(label, beacon);
  const encoded = encodedPayloads(label);
  const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${attr(options.title)}</title>
<meta property="og:title" content="${attr(options.title)}">
<meta name="author" content="${attr(options.byline)}">
<link rel="canonical" href="javascript:__xss('${label}-canonical')">
<meta property="og:image" content="javascript:__xss('${label}-og-image')">
<script>__xss('${label}-head-script')</script>
<base href="javascript:__xss('${label}-base')//">
</head>
<body onload="__xss('${label}-body-onload')">
<article>
<h1>${attr(options.title)} ${live[1]}</h1>
<p class="byline">${attr(options.byline)}</p>
${options.paragraphs.map((paragraph, index) => `<p>${paragraph} ${live[index % live.length]}</p>`).join('\n')}
${live.map((payload) => `<p>Đoạn kèm mã: ${payload} hết đoạn.</p>`).join('\n')}
${encoded.map((payload) => `<p>Văn bản mã hoá: ${payload}</p>`).join('\n')}
<figure><img src="javascript:__xss('${label}-img-src')" onerror="__xss('${label}-figure')" alt="x"><figcaption>Chú thích <b onmouseover="__xss('${label}-hover')">ảnh</b></figcaption></figure>
</article>
</body>
</html>
`;
}
