import { parseDocument } from './dom-text';
import { findLiveBlog } from './live-blog';

const entry = (time: string, text: string): string => `<div class="item"><time datetime="2026-11-25T${time}:00+07:00">${time}</time><p>${text}</p></div>`;
const UPDATES = [
  entry('11:05', 'Mực nước sông Lô tại thành phố đã giảm 30 cm so với lúc 9h sáng nay.'),
  entry('10:20', 'Đường vào xã Tùng Bá đã thông sau khi lực lượng chức năng dọn đất đá.'),
  entry('09:40', 'Huyện Vị Xuyên đã sơ tán 120 hộ dân ở vùng trũng ven sông.'),
].join('');

describe('findLiveBlog', () => {
  it('collects every timestamped entry of a "live" stream, with the intro paragraph before it', () => {
    const document = parseDocument(`<html><body><p>Cập nhật liên tục.</p><div class="live-stream">${UPDATES}</div></body></html>`);
    const live = findLiveBlog(document, false, null);
    expect(live?.querySelectorAll('time')).toHaveLength(3);
    expect(live?.firstElementChild?.textContent).toBe('Cập nhật liên tục.');
  });

  it('accepts a stream with a neutral class when JSON-LD or the headline says the page is live', () => {
    const document = parseDocument(`<html><body><div class="list">${UPDATES}</div></body></html>`);
    expect(findLiveBlog(document, true, null)).not.toBeNull();
    expect(findLiveBlog(document, false, 'Trực tiếp: Mưa lũ tại Hà Giang')).not.toBeNull();
    expect(findLiveBlog(document, false, 'Mưa lũ tại Hà Giang')).toBeNull();
  });

  it('does not mistake a timestamped list of headlines for a live blog', () => {
    const headlines = ['08:00', '09:00', '10:00'].map((time) => `<li><time>${time}</time> <a href="/a">Một tiêu đề tin tức khá dài để đọc</a></li>`).join('');
    const document = parseDocument(`<html><body><ul class="live-news">${headlines}</ul></body></html>`);
    expect(findLiveBlog(document, true, null)).toBeNull();
  });
});
