import { syllableTokens } from '../text/syllable-tokens';
import { PhraseMatcher } from './phrase-matcher';

/**
 * Place names claims are about, as data. Since 1 July 2025 Vietnam has 34 provincial units (the 2025
 * reorganisation merged 63 into 34 and removed districts), but posts and archives keep using the former names, so
 * each former province is listed with the province it merged into. Wards, communes and special zones: a few
 * well-known ones only, with their province; teams add their own places (team_places). Not complete by design.
 */
export type PlaceKind = 'city' | 'province' | 'former_province' | 'ward' | 'commune' | 'special_zone';

export interface Place {
  name: string;
  kind: PlaceKind;
  /** The current province or centrally-run city the place belongs to (itself for one). */
  province: string;
  /** Other spellings people write: English, unspaced, abbreviations. */
  aliases?: readonly string[];
}

const CITIES: readonly Place[] = [
  { name: 'Hà Nội', kind: 'city', province: 'Hà Nội', aliases: ['Hanoi', 'Thủ đô Hà Nội'] },
  { name: 'Thành phố Hồ Chí Minh', kind: 'city', province: 'Thành phố Hồ Chí Minh', aliases: ['Hồ Chí Minh', 'TP.HCM', 'TP HCM', 'TPHCM', 'HCMC', 'Ho Chi Minh City', 'Sài Gòn', 'Saigon'] },
  { name: 'Hải Phòng', kind: 'city', province: 'Hải Phòng', aliases: ['Haiphong'] },
  { name: 'Đà Nẵng', kind: 'city', province: 'Đà Nẵng', aliases: ['Danang'] },
  { name: 'Huế', kind: 'city', province: 'Huế', aliases: ['Thừa Thiên Huế', 'Thua Thien Hue'] },
  { name: 'Cần Thơ', kind: 'city', province: 'Cần Thơ', aliases: ['Cantho'] },
];

const PROVINCES: readonly string[] = [
  'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng',
  'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Ninh Bình', 'Quảng Trị', 'Quảng Ngãi',
  'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Đồng Nai', 'Tây Ninh', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
];

/** Former province → the province or city it merged into in 2025. */
const MERGED_2025: Readonly<Record<string, string>> = {
  'Hà Giang': 'Tuyên Quang', 'Yên Bái': 'Lào Cai', 'Bắc Kạn': 'Thái Nguyên', 'Vĩnh Phúc': 'Phú Thọ', 'Hòa Bình': 'Phú Thọ',
  'Bắc Giang': 'Bắc Ninh', 'Thái Bình': 'Hưng Yên', 'Hải Dương': 'Hải Phòng', 'Hà Nam': 'Ninh Bình', 'Nam Định': 'Ninh Bình',
  'Quảng Bình': 'Quảng Trị', 'Quảng Nam': 'Đà Nẵng', 'Kon Tum': 'Quảng Ngãi', 'Bình Định': 'Gia Lai', 'Ninh Thuận': 'Khánh Hòa',
  'Đắk Nông': 'Lâm Đồng', 'Bình Thuận': 'Lâm Đồng', 'Phú Yên': 'Đắk Lắk', 'Bình Dương': 'Thành phố Hồ Chí Minh',
  'Bà Rịa - Vũng Tàu': 'Thành phố Hồ Chí Minh', 'Bình Phước': 'Đồng Nai', 'Long An': 'Tây Ninh', 'Sóc Trăng': 'Cần Thơ',
  'Hậu Giang': 'Cần Thơ', 'Bến Tre': 'Vĩnh Long', 'Trà Vinh': 'Vĩnh Long', 'Tiền Giang': 'Đồng Tháp', 'Bạc Liêu': 'Cà Mau',
  'Kiên Giang': 'An Giang',
};

const ALIASES: Readonly<Record<string, readonly string[]>> = {
  'Đắk Lắk': ['Dak Lak', 'Daklak'], 'Đắk Nông': ['Dak Nong'], 'Kon Tum': ['Kontum'], 'Khánh Hòa': ['Khanh Hoa'],
  'Bà Rịa - Vũng Tàu': ['Bà Rịa Vũng Tàu', 'BR-VT'],
};

const LOCAL: readonly Place[] = [
  { name: 'Hoàn Kiếm', kind: 'ward', province: 'Hà Nội' },
  { name: 'Ba Đình', kind: 'ward', province: 'Hà Nội' },
  { name: 'Long Biên', kind: 'ward', province: 'Hà Nội' },
  { name: 'Sóc Sơn', kind: 'commune', province: 'Hà Nội' },
  { name: 'Bến Thành', kind: 'ward', province: 'Thành phố Hồ Chí Minh' },
  { name: 'Thủ Đức', kind: 'ward', province: 'Thành phố Hồ Chí Minh' },
  { name: 'Vũng Tàu', kind: 'ward', province: 'Thành phố Hồ Chí Minh' },
  { name: 'Thủ Dầu Một', kind: 'ward', province: 'Thành phố Hồ Chí Minh' },
  { name: 'Côn Đảo', kind: 'special_zone', province: 'Thành phố Hồ Chí Minh' },
  { name: 'Hội An', kind: 'ward', province: 'Đà Nẵng', aliases: ['Hoi An'] },
  { name: 'Hải Châu', kind: 'ward', province: 'Đà Nẵng' },
  { name: 'Sa Pa', kind: 'ward', province: 'Lào Cai', aliases: ['Sapa'] },
  { name: 'Hạ Long', kind: 'ward', province: 'Quảng Ninh', aliases: ['Halong'] },
  { name: 'Nha Trang', kind: 'ward', province: 'Khánh Hòa' },
  { name: 'Phú Quốc', kind: 'special_zone', province: 'An Giang', aliases: ['Phu Quoc'] },
  { name: 'Lý Sơn', kind: 'special_zone', province: 'Quảng Ngãi' },
  { name: 'Mường Tè', kind: 'commune', province: 'Lai Châu' },
];

export const PLACES: readonly Place[] = [
  ...CITIES,
  ...PROVINCES.map((name): Place => ({ name, kind: 'province', province: name, aliases: ALIASES[name] })),
  ...Object.entries(MERGED_2025).map(([name, province]): Place => ({ name, kind: 'former_province', province, aliases: ALIASES[name] })),
  ...LOCAL,
];

/** A place found in a text, by its folded key ("da nang") and the folded key of its current province. */
export interface PlaceMention {
  key: string;
  name: string;
  provinceKey: string;
}

/** The folded form place names are compared by: "Thanh Hoá" = "thanh hoa" = "Thanh Hóa". */
export function placeKey(name: string): string {
  return syllableTokens(name).join(' ');
}

/** Finds places in folded syllable tokens; build once, reuse for every text. */
export class PlaceFinder {
  private readonly matcher = new PhraseMatcher<PlaceMention>();

  constructor(places: readonly Place[] = PLACES) {
    for (const place of places) {
      const mention = { key: placeKey(place.name), name: place.name, provinceKey: placeKey(place.province) };
      for (const spelling of [place.name, ...(place.aliases ?? [])]) this.matcher.add(syllableTokens(spelling), mention);
    }
  }

  /** Distinct places mentioned, by key. */
  find(tokens: readonly string[]): PlaceMention[] {
    return [...new Map(this.matcher.find(tokens).map((mention) => [mention.key, mention])).values()];
  }
}
