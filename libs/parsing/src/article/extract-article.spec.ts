import { readFileSync } from 'node:fs';
import { extractArticle } from './extract-article';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/articles/${name}`, import.meta.url), 'utf8');

describe('extractArticle on a Vietnamese news page (JSON-LD, share bars, related box, caption, cookie notice)', () => {
  const pageUrl = 'https://tinnhanh-hagiang.example.vn/thoi-su/so-y-te-bac-bo-tin-don-nuoc-may-nhiem-doc-20261126081500.html?utm_source=zalo#binh-luan';
  const article = extractArticle(fixture('tinnhanh-vi-article.html'), pageUrl);

  it('keeps exactly the standfirst and the article paragraphs, in order, separated by blank lines', () => {
    expect(article.text).toBe(
      [
        'Kết quả xét nghiệm mẫu nước tại 12 điểm trên địa bàn thành phố cho thấy nước máy đạt quy chuẩn quốc gia, trái với thông tin lan truyền trên mạng xã hội.',
        'Chiều 25/11, một bài đăng trên mạng xã hội cho rằng nước máy tại phường Minh Khai bị nhiễm hóa chất độc hại sau sự cố tại nhà máy nước số 2. Bài đăng kèm hình ảnh một cốc nước màu vàng đục và thu hút hàng nghìn lượt chia sẻ chỉ sau vài giờ.',
        'Sáng 26/11, Sở Y tế tỉnh Hà Giang cho biết Trung tâm Kiểm soát bệnh tật tỉnh đã lấy mẫu nước tại 12 điểm, gồm bể chứa của nhà máy và vòi nước tại các hộ dân. Tất cả mẫu đều đạt quy chuẩn kỹ thuật quốc gia về chất lượng nước sạch sinh hoạt.',
        'Theo ông Nguyễn Văn Hùng, Phó giám đốc Sở Y tế, hình ảnh cốc nước màu vàng được chụp từ một bể chứa gia đình lâu ngày không vệ sinh, không phải nước từ đường ống của nhà máy. "Người dân hoàn toàn yên tâm sử dụng nước máy cho ăn uống và sinh hoạt", ông Hùng nói.',
        'Công ty Cấp thoát nước tỉnh cho biết sự cố tại nhà máy số 2 hôm 24/11 chỉ là việc thay thế một máy bơm, không ảnh hưởng đến quy trình xử lý. Công ty đã công bố kết quả kiểm tra chất lượng nước hằng ngày trên trang thông tin điện tử của đơn vị.',
        'Công an tỉnh đang xác minh tài khoản đăng tin sai sự thật. Cơ quan chức năng đề nghị người dân chỉ tiếp nhận thông tin từ các nguồn chính thống và báo cáo những bài đăng có dấu hiệu gây hoang mang.',
      ].join('\n\n'),
    );
  });

  it.each([
    ['the "Tin liên quan" box', 'Mất nước diện rộng'],
    ['the "Xem thêm" pointer', 'Xem thêm'],
    ['the photo caption and credit', 'Ảnh: Minh Anh'],
    ['the share bar', 'Chia sẻ'],
    ['the dateline', '26/11/2026, 08:15'],
    ['the byline line', 'Minh Anh - Thu Hà'],
    ['the cookie notice', 'cookie'],
    ['the newsletter box', 'Đăng ký nhận bản tin'],
    ['the reader comments', 'Cảm ơn báo'],
    ['"Tin cùng chuyên mục" and "Đọc nhiều"', 'Khởi công cầu sông Lô'],
    ['the inline script text', 'Quảng cáo'],
  ])('leaves out %s', (_what, junk) => {
    expect(article.text).not.toContain(junk);
    expect(article.contentHtml).not.toContain(junk);
  });

  it('reads the metadata from JSON-LD, keeping the +07:00 offset the page declares', () => {
    expect(article.title).toBe('Sở Y tế bác bỏ tin đồn nước máy nhiễm độc');
    expect(article.byline).toBe('Minh Anh, Thu Hà');
    expect(article.publishedAt?.toISOString()).toBe('2026-11-26T01:15:00.000Z');
    expect(article.updatedAt?.toISOString()).toBe('2026-11-26T03:02:00.000Z');
    expect(article.siteName).toBe('Tin Nhanh Hà Giang');
    expect(article.language).toBe('vi');
  });

  it('takes rel=canonical over the tracked, fragment-carrying fetch URL', () => {
    expect(article.canonicalUrl).toBe(
      'https://tinnhanh-hagiang.example.vn/thoi-su/so-y-te-bac-bo-tin-don-nuoc-may-nhiem-doc-20261126081500.html',
    );
  });

  it('lists the lead image first, then article images with their lazy-loaded source instead of the placeholder', () => {
    expect(article.imageUrls).toEqual([
      'https://cdn.tinnhanh-hagiang.example.vn/2026/11/26/nha-may-nuoc-1200x630.jpg',
      'https://cdn.tinnhanh-hagiang.example.vn/2026/11/26/lay-mau-nuoc.jpg',
    ]);
  });

  it('renders the content as sanitised HTML: paragraphs and the photo, no classes, handlers or scripts', () => {
    expect(article.contentHtml).toContain('<img src="https://cdn.tinnhanh-hagiang.example.vn/2026/11/26/lay-mau-nuoc.jpg" alt="Cán bộ lấy mẫu nước" />');
    expect(article.contentHtml).toMatch(/^<p>Kết quả xét nghiệm/);
    expect(article.contentHtml).not.toMatch(/class=|onclick|<script|<style|data:image|<form|<button/);
  });
});

describe('extractArticle on an English news page (@graph JSON-LD, credits, "Related:", newsletter aside)', () => {
  const article = extractArticle(fixture('riverside-en-article.html'), 'https://www.riverside-herald.example.com/news/2026/11/26/tap-water-claims/?fbclid=IwAR2x');

  it('keeps exactly the story paragraphs', () => {
    expect(article.text).toBe(
      [
        'A video claiming that tap water in the eastern districts had been poisoned was shared more than 40,000 times on Wednesday before the health ministry responded.',
        'The ministry said on Thursday that samples taken from treatment plants and household taps in all twelve districts met every limit in the national drinking water standard, including those for lead, arsenic and chlorine residue.',
        '"The water is safe to drink, and we will keep publishing the test results every day until people are reassured," the deputy health minister, Pham Thi Lan, told reporters.',
        'Investigators traced the video to an account created two days earlier. The footage showed discoloured water from a rooftop tank that had not been cleaned for years, according to the water utility.',
        'The utility said a pump replacement at one plant on Tuesday had not affected treatment, and urged residents to report suspicious posts rather than share them.',
        'Police said they were investigating whether the account broke the law on spreading false information.',
      ].join('\n\n'),
    );
  });

  it.each([
    ['the photo caption and credit', 'Photograph: Minh Tran'],
    ['the "Related:" pointer', 'Water plant upgrade'],
    ['the share tools', 'Share this article'],
    ['the newsletter pitch', 'Sign up'],
    ['the advertisement label', 'Advertisement'],
    ['"More on this story"', 'Pump replacement at the north plant'],
    ['the cookie banner', 'We use cookies'],
  ])('leaves out %s', (_what, junk) => {
    expect(article.text).not.toContain(junk);
  });

  it('reads headline, author and UTC times from the JSON-LD @graph', () => {
    expect(article.title).toBe('Health ministry rejects false claims about contaminated tap water');
    expect(article.byline).toBe('Jane Doe');
    expect(article.publishedAt?.toISOString()).toBe('2026-11-26T02:30:00.000Z');
    expect(article.updatedAt?.toISOString()).toBe('2026-11-26T05:45:00.000Z');
    expect(article.siteName).toBe('The Riverside Herald');
    expect(article.language).toBe('en');
  });

  it('resolves a relative rel=canonical against the page and drops fbclid', () => {
    expect(article.canonicalUrl).toBe('https://www.riverside-herald.example.com/news/2026/11/26/tap-water-claims/');
  });

  it('resolves relative article images against the page URL, after the JSON-LD images', () => {
    expect(article.imageUrls).toEqual([
      'https://img.riverside-herald.example.com/2026/11/lab-tests.jpg?w=1200',
      'https://img.riverside-herald.example.com/2026/11/lab-tests-square.jpg',
      'https://www.riverside-herald.example.com/media/2026/11/lab-tests-800.jpg',
    ]);
  });
});
