import { Random } from './random';

// Fictional news: outlets, people and places below are invented; the words are ordinary Vietnamese and English.
const VI_WORDS = [
  'thông tin', 'sai lệch', 'chính phủ', 'bộ trưởng', 'thủ tướng', 'phát biểu', 'họp báo', 'người dân', 'tỉnh', 'thành phố',
  'bão', 'lũ lụt', 'mưa lớn', 'sạt lở', 'cứu hộ', 'giá xăng', 'tăng giá', 'giảm giá', 'thị trường', 'chứng khoán',
  'ngân hàng', 'lãi suất', 'doanh nghiệp', 'xuất khẩu', 'nông sản', 'gạo', 'cà phê', 'thủy sản', 'giáo dục', 'học sinh',
  'kỳ thi', 'tốt nghiệp', 'đại học', 'bệnh viện', 'y tế', 'dịch bệnh', 'vắc xin', 'tiêm chủng', 'giao thông', 'tai nạn',
  'cao tốc', 'đường sắt', 'sân bay', 'hàng không', 'du lịch', 'khách quốc tế', 'lễ hội', 'văn hóa', 'thể thao', 'bóng đá',
  'đội tuyển', 'huấn luyện viên', 'chiến thắng', 'môi trường', 'ô nhiễm', 'rác thải', 'năng lượng', 'điện mặt trời', 'nắng nóng', 'hạn hán',
  'xâm nhập mặn', 'đồng bằng', 'miền Trung', 'miền Bắc', 'Tây Nguyên', 'công an', 'điều tra', 'lừa đảo', 'mạng xã hội', 'tin giả',
  'bác bỏ', 'xác minh', 'cảnh báo', 'khuyến cáo', 'quy định', 'nghị định', 'quốc hội', 'đại biểu', 'ngân sách', 'đầu tư',
  'hạ tầng', 'nhà ở', 'bất động sản', 'công nhân', 'lương tối thiểu', 'bảo hiểm', 'hưu trí', 'phụ nữ', 'trẻ em', 'người cao tuổi',
  'nông thôn', 'khuyến nông', 'thời tiết', 'nhiệt độ', 'áp thấp nhiệt đới', 'gió mạnh', 'biển động', 'ngư dân', 'tàu cá', 'cảng biển',
];
const VI_PLACES = ['Hà Nội', 'Đà Nẵng', 'Huế', 'Cần Thơ', 'Hải Phòng', 'Quảng Ngãi', 'Nghệ An', 'Lâm Đồng', 'Khánh Hòa', 'Bình Định', 'Sơn La', 'Cà Mau'];
const VI_JOIN = ['và', 'của', 'cho', 'tại', 'về', 'trong', 'sau khi', 'trước', 'với', 'theo', 'đã', 'sẽ', 'đang', 'không', 'được'];
const VI_NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu', 'Phạm Quốc Dũng', 'Hoàng Thu Hà', 'Vũ Đức Khánh', 'Đặng Ngọc Lan'];

const EN_WORDS = [
  'ministry', 'rejects', 'false', 'claims', 'flood', 'warning', 'storm', 'rescue', 'teams', 'province', 'officials', 'report',
  'prices', 'fuel', 'market', 'shares', 'bank', 'interest', 'rates', 'exports', 'rice', 'coffee', 'seafood', 'schools',
  'exam', 'students', 'hospital', 'health', 'vaccine', 'campaign', 'traffic', 'accident', 'expressway', 'railway', 'airport',
  'tourism', 'visitors', 'festival', 'culture', 'football', 'team', 'coach', 'victory', 'pollution', 'waste', 'energy', 'solar',
  'heatwave', 'drought', 'salinity', 'delta', 'police', 'investigate', 'fraud', 'social', 'media', 'rumour', 'verified',
  'government', 'budget', 'investment', 'housing', 'workers', 'wages', 'insurance', 'pensions', 'children', 'farmers', 'fishermen',
];
const EN_PLACES = ['Riverside', 'Northport', 'Lakeview', 'Hillcrest', 'Eastbay', 'Westfield', 'Stonebridge', 'Harbourtown'];
const EN_JOIN = ['the', 'and', 'of', 'in', 'after', 'before', 'with', 'for', 'as', 'on', 'to', 'over', 'amid'];
const EN_NAMES = ['Alex Morgan', 'Jamie Lee', 'Priya Nair', 'Tom Becker', 'Sara Lindqvist', 'Omar Haddad'];

export type Language = 'vi' | 'en';

export class NewsWriter {
  constructor(private readonly random: Random) {}

  words(language: Language, count: number): string {
    const { random } = this;
    const vocabulary = language === 'vi' ? VI_WORDS : EN_WORDS;
    const joiners = language === 'vi' ? VI_JOIN : EN_JOIN;
    const places = language === 'vi' ? VI_PLACES : EN_PLACES;
    const out: string[] = [];
    while (out.length < count) {
      const roll = random.next();
      out.push(roll < 0.6 ? random.pick(vocabulary) : roll < 0.92 ? random.pick(joiners) : random.pick(places));
    }
    return out.join(' ');
  }

  title(language: Language): string {
    const text = this.words(language, this.random.int(6, 12));
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  sentence(language: Language): string {
    const text = this.words(language, this.random.int(12, 26));
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }

  paragraph(language: Language, sentences = this.random.int(3, 6)): string {
    return Array.from({ length: sentences }, () => this.sentence(language)).join(' ');
  }

  author(language: Language): string {
    return this.random.pick(language === 'vi' ? VI_NAMES : EN_NAMES);
  }
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface FeedSpec {
  /** Distinguishes feeds: ids, links and titles all carry it. */
  feedId: string;
  language: Language;
  items: number;
  /** Where item links point (the fixture server serves the pages there). */
  pageBase: string;
  format?: 'rss' | 'atom';
  seed: number;
  /** The first item's position: a later poll of a growing feed shifts it. */
  startAt?: number;
}

const BASE_TIME = Date.UTC(2025, 10, 20, 3, 0, 0);

/** A feed document as news sites publish them: RSS 2.0 for Vietnamese outlets, Atom for English ones by default. */
export function newsFeed(spec: FeedSpec): string {
  const random = new Random(spec.seed);
  const writer = new NewsWriter(random);
  const format = spec.format ?? (spec.language === 'vi' ? 'rss' : 'atom');
  const start = spec.startAt ?? 0;
  const entries = Array.from({ length: spec.items }, (_, index) => {
    const n = start + index;
    const title = `${writer.title(spec.language)} ${spec.feedId}x${n}`;
    const summary = `<p>${escapeXml(writer.paragraph(spec.language, random.int(2, 4)))}</p><p>${escapeXml(writer.sentence(spec.language))} &amp; ${escapeXml(writer.sentence(spec.language))}</p>`;
    return {
      id: `${spec.pageBase}/${spec.feedId}/bai-${n}.html`,
      title,
      summary,
      author: writer.author(spec.language),
      date: new Date(BASE_TIME - n * 7 * 60_000),
      category: writer.words(spec.language, 1),
      image: `${spec.pageBase}/images/${spec.feedId}-${n}.jpg`,
    };
  });
  if (format === 'rss') {
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      `<channel><title>Báo Giả Định ${spec.feedId}</title><link>${spec.pageBase}/</link><description>Tin tức tổng hợp</description><language>vi</language>`,
      ...entries.map(
        (entry) =>
          `<item><title>${escapeXml(entry.title)}</title><link>${entry.id}</link><guid isPermaLink="true">${entry.id}</guid>` +
          `<description><![CDATA[${entry.summary.replace(/&amp;/g, '&amp;')}]]></description><pubDate>${entry.date.toUTCString()}</pubDate>` +
          `<dc:creator>${escapeXml(entry.author)}</dc:creator><category>${escapeXml(entry.category)}</category>` +
          `<media:content url="${entry.image}" medium="image" type="image/jpeg"/></item>`,
      ),
      '</channel></rss>',
    ].join('\n');
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<title>The Imaginary ${spec.feedId}</title><id>${spec.pageBase}/${spec.feedId}</id><link href="${spec.pageBase}/"/><updated>${new Date(BASE_TIME).toISOString()}</updated>`,
    ...entries.map(
      (entry) =>
        `<entry><title>${escapeXml(entry.title)}</title><id>${entry.id}</id><link rel="alternate" href="${entry.id}"/>` +
        `<published>${entry.date.toISOString()}</published><updated>${entry.date.toISOString()}</updated>` +
        `<author><name>${escapeXml(entry.author)}</name></author><summary type="html">${escapeXml(entry.summary)}</summary></entry>`,
    ),
    '</feed>',
  ].join('\n');
}

/**
 * A news article page the way outlets serve them: head metadata, inline scripts and styles, navigation,
 * the article, related links, comments and a footer, padded to about `targetBytes`.
 */
export function articlePage(options: { seed: number; language: Language; url: string; targetBytes: number }): string {
  const random = new Random(options.seed);
  const writer = new NewsWriter(random);
  const { language, url } = options;
  const title = writer.title(language);
  const nav = Array.from({ length: 60 }, (_, i) => `<li><a href="/chuyen-muc/${i}">${escapeXml(writer.words(language, 2))}</a></li>`).join('');
  const related = Array.from({ length: 25 }, (_, i) => `<li><a href="/bai-lien-quan-${i}.html">${escapeXml(writer.title(language))}</a></li>`).join('');
  const script = `<script>window.__STATE__=${JSON.stringify({ ads: Array.from({ length: 60 }, (_, i) => ({ slot: i, id: `ad-${random.int(1000, 9999)}`, k: writer.words(language, 3) })) })};</script>`;
  const style = `<style>${Array.from({ length: 120 }, (_, i) => `.c${i}{margin:${i}px;padding:${i % 7}px;color:#${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}}`).join('')}</style>`;
  const head =
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeXml(title)}</title>` +
    `<link rel="canonical" href="${url}?utm_source=rss"><meta property="og:title" content="${escapeXml(title)}">` +
    `<meta name="author" content="${escapeXml(writer.author(language))}"><meta property="article:published_time" content="2025-11-20T08:00:00+07:00">` +
    `${style}${script}</head>`;
  const top = `<body><header><div class="logo">Báo Giả Định</div><nav><ul>${nav}</ul></nav></header><!-- quảng cáo đầu trang -->`;
  const bottom =
    `<aside class="related"><h3>Tin liên quan</h3><ul>${related}</ul></aside>` +
    `<section class="comments">${Array.from({ length: 8 }, () => `<div class="comment"><b>${escapeXml(writer.author(language))}</b><p>${escapeXml(writer.sentence(language))}</p></div>`).join('')}</section>` +
    `<footer><p>© Báo Giả Định. Địa chỉ: ${escapeXml(writer.words(language, 6))}</p>${script}</footer></body></html>`;
  const paragraphs: string[] = [];
  let size = head.length + top.length + bottom.length + 200;
  while (size < options.targetBytes || paragraphs.length < 4) {
    const paragraph = random.chance(0.1)
      ? `<figure><img src="/anh/${random.int(1, 9999)}.jpg" alt="${escapeXml(writer.words(language, 4))}"><figcaption>${escapeXml(writer.sentence(language))}</figcaption></figure>`
      : `<p>${escapeXml(writer.paragraph(language))}</p>`;
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + (paragraphs.length % 12 === 0 ? 200 : 0);
    if (paragraphs.length % 12 === 0) paragraphs.push(`<div class="ad-inline"><script>loadAd(${random.int(1, 99)})</script><a href="/qc">Quảng cáo</a></div>`);
  }
  const article = `<main><article><h1>${escapeXml(title)}</h1><div class="byline">${escapeXml(writer.author(language))}</div><div class="content">${paragraphs.join('')}</div></article></main>`;
  return `${head}${top}${article}${bottom}`;
}
