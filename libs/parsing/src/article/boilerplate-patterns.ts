import { foldDiacritics, searchTokens, toSearchText } from '@vigil/domain';

/**
 * What news pages wrap around an article, in the words Vietnamese and English sites use for it.
 * Texts are compared folded (no diacritics, lower case), so "Tin liên quan", "TIN LIÊN QUAN" and
 * "Tin lien quan" are one title.
 */

/** Elements that are never article text. */
export const NON_CONTENT_TAGS = [
  'nav', 'aside', 'footer', 'form', 'button', 'input', 'select', 'textarea', 'label', 'iframe', 'object', 'embed',
  'canvas', 'dialog', 'menu', 'figcaption',
];

export const NON_CONTENT_ROLES = new Set([
  'navigation', 'complementary', 'banner', 'contentinfo', 'dialog', 'alertdialog', 'search', 'menu', 'menubar', 'toolbar',
]);

export const BOILERPLATE_LABEL = /share|chia sẻ|cookie|consent|newsletter|breadcrumb|related|advert|quảng cáo/i;

// A class or id word that names boilerplate when it stands as its own segment ("box-comment", "ad-slot")…
const BOILERPLATE_SEGMENT =
  /(?:^|[-_])(?:ad|ads|adv|qc|quangcao|banner|binhluan|caption|credits?|comments?|follow|keywords?|modal|overlay|popup|promo|rating|signup|skip|subscribe|subscription|tags?|toolbar|tukhoa|tu-khoa|vote|widget|sidebar|xemthem|docthem|tinkhac|readmore|read-more)(?:$|[-_\d])/;
// …or anywhere inside the word ("box-tinlienquan", "socialShare", "cookieBar").
const BOILERPLATE_STEM =
  /share|sharing|social|chiase|chia-se|cookie|consent|gdpr|newsletter|related|relate-|lienquan|lien-quan|cungchuyenmuc|cung-chuyen-muc|breadcrumb|advert|sponsor/;

export function isBoilerplateName(token: string): boolean {
  return BOILERPLATE_SEGMENT.test(token) || BOILERPLATE_STEM.test(token);
}

/** Words that name a caption or photo credit; such an element keeps its image. */
export function isCaptionName(token: string): boolean {
  return /(?:^|[-_])(?:caption|credits?)(?:$|[-_\d])/.test(token);
}

/** Titles of boxes of links to other articles; the box goes with its title. */
const SECTION_TITLES = new Set([
  'tin lien quan', 'bai lien quan', 'tin cung chuyen muc', 'cung chuyen muc', 'tin khac', 'tin moi', 'tin moi nhat',
  'tin noi bat', 'doc nhieu', 'xem nhieu', 'doc them', 'xem them', 'co the ban quan tam', 'ban co the quan tam',
  'co the ban muon doc', 'tu khoa', 'binh luan', 'y kien ban doc', 'chia se', 'theo doi chung toi',
  'related', 'related articles', 'related stories', 'related news', 'related content', 'read more', 'read next',
  'more on this story', 'more stories', 'more news', 'most read', 'most popular', 'trending', 'you may also like',
  'you might also like', 'recommended', 'recommended for you', 'also read', 'see also', 'tags', 'topics', 'comments',
  'share', 'share this', 'share this article', 'share this story', 'follow us',
]);

/** Lines that are only a label of page furniture. */
const LABEL_LINES = new Set([
  'quang cao', 'advertisement', 'sponsored', 'tai tro', 'loading', 'dang tai', 'chia se', 'chia se bai viet', 'share',
  'sao chep lien ket', 'copy link', 'in bai viet', 'print', 'gui email', 'facebook', 'twitter', 'zalo', 'top',
]);

export function isSectionTitle(text: string): boolean {
  return text.length <= 60 && SECTION_TITLES.has(foldLine(text));
}

export function isLabelLine(text: string): boolean {
  return text.length <= 40 && (LABEL_LINES.has(foldLine(text)) || SECTION_TITLES.has(foldLine(text)));
}

/** "Xem thêm: <a>…</a>", "Related: <a>…</a>" inline pointers to other articles. */
export const RELATED_PREFIX =
  /^(?:xem thêm|đọc thêm|xem tiếp|tin liên quan|bài liên quan|related|read more|read next|see also|also read|more)\s*[:：»>|–-]/iu;

/** "Ảnh: Minh Anh" lines, and captions that end with their photo credit ("… sáng 26/11. Ảnh: Minh Anh"). */
export function isCaptionLine(text: string): boolean {
  if (text.length >= 300) return false;
  return CAPTION_START.test(text) || CAPTION_CREDIT_END.test(text);
}

const CAPTION_START = /^(?:ảnh|hình|hình ảnh|đồ họa|photo|photograph|picture|image|video|clip|graphic|credit)\s*:/iu;
const CAPTION_CREDIT_END = /(?:^|[.\s])(?:ảnh|photo|photograph|nguồn ảnh)\s*:\s*[^.!?:]{1,60}$/iu;

export function isCookieNotice(text: string): boolean {
  return /cookie/i.test(text) && /đồng ý|chấp nhận|accept|agree|consent|chính sách|policy|trải nghiệm|experience/iu.test(text);
}

export function isNewsletterPitch(text: string): boolean {
  return /đăng ký nhận|nhận bản tin|newsletter|sign up (?:for|to)|subscribe to/iu.test(text);
}

// Links whose only purpose is to share the page.
const SHARE_HREF =
  /facebook\.com\/(?:sharer|share|dialog\/share)|(?:twitter|x)\.com\/(?:intent|share)|zalo\.me\/share|linkedin\.com\/share|t(?:elegram)?\.me\/share|pinterest\.[a-z]+\/pin\/create|reddit\.com\/submit|api\.whatsapp\.com\/send|wa\.me\/|^whatsapp:|^mailto:\?/i;

export function isShareLink(href: string): boolean {
  return SHARE_HREF.test(href);
}

/** Text a share bar may carry besides its links. */
export const SHARE_BAR_WORDS = /chia sẻ(?: bài viết)?|share(?: this)?(?: article| story)?|sao chép liên kết|copy link|[|·•:]/giu;

const CALENDAR_WORDS = new Set([
  'thu', 'hai', 'ba', 'tu', 'nam', 'sau', 'bay', 'chu', 'nhat', 'cn', 'ngay', 'thang', 'luc', 'gio', 'phut', 'gmt', 'utc',
  'ict', 'am', 'pm', 'sa', 'ch', 'cap', 'dang', 'h', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'updated', 'published', 'posted', 'last', 'on', 'at',
]);

/** "Thứ Năm, 26/11/2026, 08:15 (GMT+7)", "Updated 26 November 2026 09:30": a date and nothing else. */
export function isDateline(text: string): boolean {
  if (text.length > 80 || !/\d{1,2}[/:h.-]\d{1,2}|\b\d{4}\b/.test(text)) return false;
  const words = foldDiacritics(text).match(/[a-z]+/g) ?? [];
  return words.every((word) => CALENDAR_WORDS.has(word));
}

/** Folded words of a line, for comparing it with the byline or the headline. */
export function foldedWords(text: string): string[] {
  return searchTokens(text);
}

/** The folded words of a line joined by one space, the form lines are compared in. */
export function foldedLine(text: string): string {
  return toSearchText(text);
}

function foldLine(text: string): string {
  return foldedLine(text.replace(/\(\d+\)/g, ''));
}
