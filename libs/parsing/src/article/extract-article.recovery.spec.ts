import { readFileSync } from 'node:fs';
import { extractArticle } from './extract-article';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/articles/${name}`, import.meta.url), 'utf8');

describe('extractArticle recovers what Readability drops', () => {
  describe('a short brief (under Readability’s 500 characters) beside longer teaser lists', () => {
    const article = extractArticle(fixture('tinnhanh-vi-short-brief.html'), 'https://tinnhanh-hagiang.example.vn/giao-thong/tam-cam-xe-qua-deo-ma-pi-leng.html');

    it('keeps the two paragraphs of the brief and nothing from the teaser lists', () => {
      expect(article.text).toBe(
        [
          'Từ 7h30 sáng nay, lực lượng chức năng tạm cấm các phương tiện qua đèo Mã Pí Lèng sau khi mưa lớn gây sạt lở khoảng 200 m3 đất đá xuống mặt đường.',
          'Người dân đi Mèo Vạc được hướng dẫn đi theo tuyến tỉnh lộ 176. Dự kiến tuyến đường được thông xe vào chiều mai.',
        ].join('\n\n'),
      );
    });

    it('turns the divs used as paragraphs into <p> in the HTML', () => {
      expect(article.contentHtml).toMatch(/^<p>Từ 7h30[^<]*<\/p>\s*<p>Người dân[^<]*<\/p>$/);
    });

    it('reads a naive <time datetime> as Hà Nội time and takes the title from <title> without the site name', () => {
      expect(article.publishedAt?.toISOString()).toBe('2026-11-26T00:30:00.000Z');
      expect(article.title).toBe('Tạm cấm xe qua đèo Mã Pí Lèng do sạt lở');
      expect(article.byline).toBeNull();
      expect(article.updatedAt).toBeNull();
    });

    it('drops the fragment of rel=canonical', () => {
      expect(article.canonicalUrl).toBe('https://tinnhanh-hagiang.example.vn/giao-thong/tam-cam-xe-qua-deo-ma-pi-leng.html');
    });

    it('detects Vietnamese', () => {
      expect(article.language).toBe('vi');
    });
  });

  describe('a live blog whose key update Readability keeps alone', () => {
    const article = extractArticle(fixture('tinnhanh-vi-live-blog.html'), 'https://tinnhanh-hagiang.example.vn/truc-tiep/mua-lu-ha-giang-20261125.html');

    it('keeps the introduction and every update with its time, in page order', () => {
      expect(article.text.split('\n\n')).toEqual([
        'Mưa lớn kéo dài từ đêm 24/11 khiến nhiều tuyến đường ở các huyện phía bắc tỉnh bị ngập sâu. Tin Nhanh cập nhật liên tục diễn biến.',
        '11:05',
        'Nước bắt đầu rút',
        'Mực nước sông Lô tại thành phố đã giảm 30 cm so với lúc 9h.',
        '10:20',
        'Đường vào xã Tùng Bá đã thông.',
        '09:40',
        'Sơ tán 120 hộ dân',
        'Huyện Vị Xuyên đã sơ tán 120 hộ dân ở vùng trũng ven sông đến nhà văn hóa xã và trường học. Lực lượng quân đội, công an và đoàn viên thanh niên hỗ trợ di chuyển người già, trẻ em, phụ nữ mang thai và tài sản.',
        'Theo ông Trần Quốc Bảo, Chủ tịch huyện, các điểm sơ tán đã được chuẩn bị gạo, nước uống, chăn màn và thuốc men đủ dùng trong ba ngày. Trạm y tế xã cử cán bộ trực 24/24 giờ, sẵn sàng xử lý các trường hợp ốm đau, tai nạn.',
        'Huyện cũng cấm người dân qua lại các ngầm tràn, bãi sông và khu vực có nguy cơ sạt lở, đồng thời bố trí lực lượng canh gác tại 14 điểm xung yếu trên tuyến đường liên xã, liên thôn.',
        '08:15',
        'Trung tâm Khí tượng thủy văn tỉnh cảnh báo lũ quét và sạt lở đất tại các huyện Hoàng Su Phì, Xín Mần, Vị Xuyên trong 12 giờ tới. Lượng mưa phổ biến từ 80 đến 150 mm, có nơi trên 200 mm.',
        '06:00',
        'Quốc lộ 2 đoạn qua xã Đạo Đức ngập 0,5 m.',
      ]);
    });

    it('keeps each update’s machine-readable time in the HTML and drops the per-update share bars', () => {
      expect(article.contentHtml.match(/<time datetime="[^"]+">/g)).toEqual([
        '<time datetime="2026-11-25T11:05:00+07:00">',
        '<time datetime="2026-11-25T10:20:00+07:00">',
        '<time datetime="2026-11-25T09:40:00+07:00">',
        '<time datetime="2026-11-25T08:15:00+07:00">',
        '<time datetime="2026-11-25T06:00:00+07:00">',
      ]);
      expect(article.text).not.toMatch(/Chia sẻ|Sao chép liên kết|Cảnh báo lũ quét tại các huyện vùng cao/);
    });

    it('takes coverage start and last update from the LiveBlogPosting', () => {
      expect(article.publishedAt?.toISOString()).toBe('2026-11-24T23:00:00.000Z');
      expect(article.updatedAt?.toISOString()).toBe('2026-11-25T04:05:00.000Z');
      expect(article.byline).toBe('Nhóm phóng viên Tin Nhanh');
    });
  });

  describe('a script-rendered page whose DOM is an empty app shell', () => {
    const article = extractArticle(
      fixture('riverside-en-app-shell.html'),
      'https://www.riverside-herald.example.com/news/2026/11/27/ferry-timetable/?utm_source=newsletter',
    );

    it('takes the text from JSON-LD articleBody, one paragraph per line', () => {
      expect(article.text).toBe(
        [
          'The river ferry will leave every 20 minutes instead of every 15 from Monday while one of the two boats is repaired.',
          'The operator said the first departure stays at 5.30am and the last at 10pm, and that fares will not change.',
          'Passengers with monthly passes can also use the number 12 bus across the new bridge at no extra cost.',
        ].join('\n\n'),
      );
      expect(article.contentHtml.startsWith('<p>The river ferry')).toBe(true);
    });

    it('reads a naive datePublished as Asia/Ho_Chi_Minh and joins the authors', () => {
      expect(article.publishedAt?.toISOString()).toBe('2026-11-26T23:00:00.000Z');
      expect(article.byline).toBe('Tom Reyes, Mai Nguyen');
    });

    it('reads it in the zone the caller names for the source instead', () => {
      const london = extractArticle(fixture('riverside-en-app-shell.html'), 'https://www.riverside-herald.example.com/x', { defaultTimeZone: 'Europe/London' });
      expect(london.publishedAt?.toISOString()).toBe('2026-11-27T06:00:00.000Z');
    });

    it('canonicalises og:url: fbclid and utm_medium gone, and resolves the relative JSON-LD image', () => {
      expect(article.canonicalUrl).toBe('https://www.riverside-herald.example.com/news/2026/11/27/ferry-timetable/');
      expect(article.imageUrls).toEqual(['https://www.riverside-herald.example.com/media/2026/11/ferry.jpg']);
      expect(article.language).toBe('en');
    });
  });
});

describe('extractArticle on a page with only OpenGraph metadata', () => {
  const article = extractArticle(fixture('tinnhanh-vi-og-only.html'), 'https://tinnhanh-hagiang.example.vn/kinh-te/gia-rau-xanh-tang-nhe.html');

  it('reads title, author, site and both times from og:/article: and <meta name="author">', () => {
    expect(article.title).toBe('Giá rau xanh tăng nhẹ sau đợt mưa lớn');
    expect(article.byline).toBe('Lê Hoàng');
    expect(article.siteName).toBe('Tin Nhanh Hà Giang');
    expect(article.publishedAt?.toISOString()).toBe('2026-11-25T10:05:00.000Z'); // "2026-11-25 17:05:00", naive
    expect(article.updatedAt?.toISOString()).toBe('2026-11-25T11:20:00.000Z');
  });

  it('canonicalises og:url: host case, default port and Zalo/utm tracking removed, real parameters kept', () => {
    expect(article.canonicalUrl).toBe('https://tinnhanh-hagiang.example.vn/kinh-te/gia-rau-xanh-tang-nhe.html?page=1');
  });

  it('keeps the four paragraphs without the trailing author line, the reactions bar or "Đọc thêm"', () => {
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^Tại các chợ đầu mối của tỉnh/);
    expect(paragraphs[3]).toBe('Cơ quan quản lý thị trường đã tăng cường kiểm tra tại các chợ, không phát hiện trường hợp găm hàng, tăng giá bất hợp lý.');
    expect(article.text).not.toMatch(/Lê Hoàng|Bạn thấy bài viết thế nào|Giá xăng giảm/);
  });

  it('resolves the protocol-relative og:image and the relative article image', () => {
    expect(article.imageUrls).toEqual([
      'https://cdn.tinnhanh-hagiang.example.vn/2026/11/25/cho-rau.jpg',
      'https://tinnhanh-hagiang.example.vn/uploads/2026/11/25/cho-rau-2.jpg',
    ]);
  });

  it('detects Vietnamese from the text although <html> declares no language', () => {
    expect(article.language).toBe('vi');
  });
});
