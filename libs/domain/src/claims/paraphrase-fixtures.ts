import { foldDiacritics } from '../text/vietnamese-text';

/**
 * A generated, fictional set of claims and paraphrases of them, for measuring claim matching: each case states one
 * claim (topic × place × number), and each paraphrase says the same thing another way — other synonyms, another word
 * order, diacritics dropped, in English, the number written 1.000 / 1,000 / 1000 / "1 nghìn". Cases of one topic
 * differ only by place and number (two places appear twice with other numbers), so a matcher must read those.
 */
export interface GeneratedCase {
  id: string;
  text: string;
}

export type ParaphraseKind = 'vi_reworded' | 'vi_unmarked' | 'en' | 'en_reordered';

export interface GeneratedParaphrase {
  caseId: string;
  kind: ParaphraseKind;
  text: string;
}

interface Topic {
  /** Templates in different word orders; {n} the number, {p} the place, {a|b|c} a choice of synonyms. */
  vi: readonly string[];
  en: readonly string[];
}

const TOPICS: readonly Topic[] = [
  { vi: ['{n} người {tử vong|thiệt mạng} vì {lũ lụt|ngập lụt|mưa lũ} ở {p}', '{Lũ lụt|Ngập lụt|Mưa lũ} ở {p} làm {n} người {tử vong|thiệt mạng}'], en: ['{n} people {died|killed} in {floods|flooding} in {p}', '{Floods|Flooding} in {p} left {n} people dead'] },
  { vi: ['Bộ Y tế {bác bỏ|phủ nhận} tin thiếu vắc-xin tại {p}, {n} liều đã được chuyển đến', 'Đã có {n} liều chuyển đến {p}, Bộ Y tế {bác bỏ|phủ nhận} tin thiếu vắc-xin'], en: ['Ministry of Health {denies|denied} vaccine shortage in {p}, {n} doses delivered', '{n} doses delivered to {p} as Ministry of Health {denies|denied} vaccine shortage'] },
  { vi: ['{p} tăng học phí lên {n} đồng mỗi tháng', 'Học phí ở {p} tăng lên {n} đồng mỗi tháng'], en: ['{p} raises tuition fees to {n} dong a month', 'Tuition fees in {p} rise to {n} dong a month'] },
  { vi: ['{p} {mất điện|cắt điện} {n} giờ sau {bão|cơn bão}', 'Sau {bão|cơn bão}, {p} {mất điện|cắt điện} suốt {n} giờ'], en: ['{p} {power outage|power cut} lasts {n} hours after storm', 'After the storm, {p} has {power outage|power cut} for {n} hours'] },
  { vi: ['Giá xăng tại {p} tăng lên {n} đồng mỗi lít', 'Tại {p}, giá xăng lên {n} đồng một lít'], en: ['Petrol price in {p} rises to {n} dong per litre', 'In {p} the fuel price hits {n} dong per litre'] },
  { vi: ['{n} học sinh ở {p} bị ngộ độc thực phẩm', 'Ngộ độc thực phẩm ở {p}: {n} học sinh nhập viện'], en: ['{n} pupils in {p} hit by food poisoning', 'Food poisoning in {p} sends {n} students to hospital'] },
  { vi: ['Sạt lở ở {p} buộc {n} hộ dân phải sơ tán', '{n} hộ dân ở {p} phải sơ tán vì sạt lở'], en: ['Landslide in {p} forces {n} households to evacuate', '{n} households in {p} evacuate after landslide'] },
  { vi: ['Sập cầu ở {p}, {n} người bị thương', '{n} người bị thương khi cầu ở {p} sập'], en: ['Bridge collapse in {p} leaves {n} injured', '{n} injured as bridge collapse hits {p}'] },
  { vi: ['Công an {p} cảnh báo lừa đảo qua điện thoại, {n} người bị mất tiền', '{n} người ở {p} mất tiền vì lừa đảo qua điện thoại, công an cảnh báo'], en: ['{p} police warn of phone scam after {n} people lost money', '{n} people in {p} lost money to a phone scam, police warn'] },
  { vi: ['{p} ghi nhận {n} ca sốt xuất huyết trong tuần', 'Trong tuần, {n} ca sốt xuất huyết được ghi nhận tại {p}'], en: ['{p} records {n} dengue cases this week', 'This week {n} dengue cases were recorded in {p}'] },
  { vi: ['Thủy điện ở {p} xả lũ, {n} hộ dân bị ngập', '{n} hộ dân bị ngập khi thủy điện ở {p} xả lũ'], en: ['Hydropower dam in {p} makes flood release, {n} households flooded', '{n} households flooded after flood release from hydropower dam in {p}'] },
  { vi: ['{p} chi {n} đồng {hỗ trợ|cứu trợ} người dân vùng lũ', 'Người dân vùng lũ ở {p} được {hỗ trợ|cứu trợ} {n} đồng'], en: ['{p} pays {n} dong in {aid|relief} to flood residents', 'Flood residents in {p} get {n} dong in {aid|relief}'] },
];

const PLACES: readonly { vi: string; en: string }[] = [
  { vi: 'Hà Nội', en: 'Hanoi' }, { vi: 'TP.HCM', en: 'Ho Chi Minh City' }, { vi: 'Đà Nẵng', en: 'Da Nang' }, { vi: 'Huế', en: 'Hue' },
  { vi: 'Thanh Hóa', en: 'Thanh Hoa' }, { vi: 'Nghệ An', en: 'Nghe An' }, { vi: 'Quảng Ngãi', en: 'Quang Ngai' }, { vi: 'Lào Cai', en: 'Lao Cai' },
  { vi: 'Cần Thơ', en: 'Can Tho' }, { vi: 'Quảng Nam', en: 'Quang Nam' }, { vi: 'Yên Bái', en: 'Yen Bai' }, { vi: 'Hà Giang', en: 'Ha Giang' },
];

const NUMBERS: readonly number[] = [12, 35, 150, 480, 1_200, 2_500, 4_000, 15_000, 27_000, 2_000_000, 3_500_000];
const CASES_PER_TOPIC = 10;
const REPEATED_PLACES = 2;

type NumberStyle = 'dots' | 'commas' | 'plain' | 'vi_words' | 'en_words';

export function generateParaphraseSet(seed = 10): { cases: GeneratedCase[]; paraphrases: GeneratedParaphrase[] } {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const cases: GeneratedCase[] = [];
  const paraphrases: GeneratedParaphrase[] = [];
  TOPICS.forEach((topic, topicIndex) => {
    const chosen = shuffled(PLACES, random).slice(0, CASES_PER_TOPIC);
    const places = [...chosen, ...chosen.slice(0, REPEATED_PLACES)];
    const numbers = shuffled(NUMBERS, random);
    places.forEach((place, index) => {
      const id = `case-${String(topicIndex).padStart(2, '0')}-${String(index).padStart(2, '0')}`;
      const number = numbers[index % numbers.length]!;
      const fill = (template: string, placeName: string, style: NumberStyle, synonyms: 'first' | 'random') =>
        template
          .replace('{n}', formatNumber(number, style))
          .replace('{p}', placeName)
          .replace(/\{([^{}]+)\}/g, (_whole, choices: string) => (synonyms === 'first' ? choices.split('|')[0]! : pick(choices.split('|'))));
      cases.push({ id, text: fill(topic.vi[0]!, place.vi, 'dots', 'first') });
      const reworded = fill(topic.vi[1]!, place.vi, pick(['plain', 'vi_words'] as const), 'random');
      paraphrases.push({ caseId: id, kind: 'vi_reworded', text: reworded });
      paraphrases.push({ caseId: id, kind: 'vi_unmarked', text: foldDiacritics(fill(pick(topic.vi), place.vi, 'plain', 'random')) });
      paraphrases.push({ caseId: id, kind: 'en', text: fill(topic.en[0]!, place.en, 'commas', 'random') });
      paraphrases.push({ caseId: id, kind: 'en_reordered', text: fill(topic.en[1]!, place.en, pick(['plain', 'en_words'] as const), 'random') });
    });
  });
  return { cases, paraphrases };
}

function formatNumber(value: number, style: NumberStyle): string {
  const grouped = (separator: string) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  switch (style) {
    case 'dots':
      return grouped('.');
    case 'commas':
      return grouped(',');
    case 'plain':
      return String(value);
    case 'vi_words':
      return value >= 1e6 ? `${String(value / 1e6).replace('.', ',')} triệu` : value >= 1e3 ? `${String(value / 1e3).replace('.', ',')} nghìn` : String(value);
    case 'en_words':
      return value >= 1e6 ? `${value / 1e6} million` : value >= 1e3 ? `${value / 1e3} thousand` : String(value);
  }
}

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
