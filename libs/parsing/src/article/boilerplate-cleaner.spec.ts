import { removeBoilerplate } from './boilerplate-cleaner';
import { blockText, parseDocument } from './dom-text';

const STORY =
  'Sở Y tế khẳng định nước máy tại phường Minh Khai đạt quy chuẩn, các mẫu xét nghiệm tại 12 điểm đều an toàn cho ăn uống và sinh hoạt.';

function cleaned(bodyHtml: string, mode: 'page' | 'content' = 'page', extra: Record<string, unknown> = {}): string {
  const document = parseDocument(`<!DOCTYPE html><html><head></head><body>${bodyHtml}</body></html>`);
  removeBoilerplate(document.body, { mode, ...extra });
  return blockText(document.body);
}

describe('removeBoilerplate', () => {
  it('removes a share bar: share links with only "Chia sẻ" beside them', () => {
    const bar = '<div><span>Chia sẻ</span> <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="https://sp.zalo.me/share_inline?url=x">Zalo</a></div>';
    expect(cleaned(`<p>${STORY}</p>${bar}`)).toBe(STORY);
  });

  it('keeps a paragraph that merely links to a share URL inside its text', () => {
    const paragraph = `<p>${STORY} <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="https://twitter.com/intent/tweet">X</a></p>`;
    expect(cleaned(paragraph)).toBe(`${STORY} Facebook X`);
  });

  it('removes a titled related box ("Tin liên quan" + list) whatever its class', () => {
    const box = '<div class="box-x"><h3>Tin liên quan</h3><ul><li><a href="/a">Tin A</a></li><li><a href="/b">Tin B</a></li></ul></div>';
    expect(cleaned(`<p>${STORY}</p>${box}`)).toBe(STORY);
  });

  it('removes an inline related list but not the article paragraphs around it', () => {
    const body = `<div><p>${STORY}</p><p><strong>Đọc thêm</strong></p><ul><li><a href="/a">Tin A</a></li></ul><p>${STORY}</p></div>`;
    expect(cleaned(body)).toBe(`${STORY}\n\n${STORY}`);
  });

  it('removes teaser cards under "Tin cùng chuyên mục" even when each card has a summary', () => {
    const card = '<div><a href="/a">Thông xe cầu tạm</a><div>Sau ba ngày thi công, cầu tạm đã được thông xe, giúp hơn 500 hộ dân đi lại thuận tiện.</div></div>';
    expect(cleaned(`<p>${STORY}</p><div><div>Tin cùng chuyên mục</div>${card}${card}</div>`)).toBe(STORY);
  });

  it('removes a cookie notice and a newsletter box recognised by their words', () => {
    const cookie = '<div><p>Trang web sử dụng cookie để cải thiện trải nghiệm.</p><a href="#">Đồng ý</a></div>';
    const newsletter = '<div><p>Sign up for our newsletter to get the top stories.</p></div>';
    expect(cleaned(`<p>${STORY}</p>${cookie}${newsletter}`)).toBe(STORY);
  });

  it('removes captions and credits but keeps the photo', () => {
    const document = parseDocument(
      `<html><body><figure><img src="/a.jpg"><figcaption>Cán bộ lấy mẫu nước.</figcaption></figure><p>${STORY}</p><p>Ảnh: Minh Anh</p></body></html>`,
    );
    removeBoilerplate(document.body, { mode: 'page' });
    expect(blockText(document.body)).toBe(STORY);
    expect(document.querySelector('img')?.getAttribute('src')).toBe('/a.jpg');
  });

  it('never removes the protected article body, even when its class looks like boilerplate', () => {
    const document = parseDocument(`<html><body><div class="content share-enabled"><p>${STORY}</p></div><div class="share-box">x</div></body></html>`);
    const protectedBody = document.querySelector('.content');
    removeBoilerplate(document.body, { mode: 'page', protect: protectedBody });
    expect(blockText(document.body)).toBe(STORY);
  });

  it('keeps a box whose class looks like boilerplate when it holds most of the reading text', () => {
    const paragraphs = `<p>${STORY}</p>`.repeat(3);
    expect(cleaned(`<div class="has-sidebar">${paragraphs}</div><nav><a href="/">Trang chủ</a></nav>`)).toBe([STORY, STORY, STORY].join('\n\n'));
  });

  describe('in content mode', () => {
    it('removes the headline repeat, the dateline and a byline line', () => {
      const body = `<h1>Nước máy an toàn</h1><p>Thứ Năm, 26/11/2026, 08:15 (GMT+7)</p><p>${STORY}</p><p><b>Minh Anh - Thu Hà</b></p>`;
      expect(cleaned(body, 'content', { title: 'Nước máy an toàn', bylineNames: ['Minh Anh', 'Thu Hà'] })).toBe(STORY);
    });

    it('keeps timestamps when asked (live blog entries)', () => {
      expect(cleaned(`<div><time>11:05</time><p>${STORY}</p></div>`, 'content', { keepTimestamps: true })).toBe(`11:05\n\n${STORY}`);
      expect(cleaned(`<div><time>11:05</time><p>${STORY}</p></div>`, 'content')).toBe(STORY);
    });

    it('keeps a line that mentions a name among other words', () => {
      const quote = '<p>Minh Anh cho biết sẽ kiểm tra lại.</p>';
      expect(cleaned(`<p>${STORY}</p>${quote}`, 'content', { bylineNames: ['Minh Anh'] })).toBe(`${STORY}\n\nMinh Anh cho biết sẽ kiểm tra lại.`);
    });
  });
});
