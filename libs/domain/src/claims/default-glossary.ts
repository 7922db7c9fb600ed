import type { GlossaryKind } from '@vigil/contracts';

/**
 * The bilingual glossary Vigil starts with: administrative units, agencies and the words claims are made of.
 * Seeded into `glossary_terms`; admins extend it, and confirmed matches add their pairs. Several English terms may
 * share one Vietnamese term (and the reverse): each row is one pair.
 */

export interface GlossaryPair {
  vi: string;
  en: string;
  kind: GlossaryKind;
}

const ADMINISTRATIVE: readonly [string, string][] = [
  ['tỉnh', 'province'], ['thành phố', 'city'], ['xã', 'commune'], ['phường', 'ward'], ['đặc khu', 'special zone'],
  ['ủy ban nhân dân', "people's committee"], ['hội đồng nhân dân', "people's council"], ['chủ tịch', 'chairman'],
  ['chính quyền', 'authorities'], ['chính phủ', 'government'], ['quốc hội', 'national assembly'], ['thủ tướng', 'prime minister'],
  ['sáp nhập', 'merger'], ['sáp nhập', 'merged'], ['nghị định', 'decree'], ['thông tư', 'circular'], ['quy định', 'regulation'],
];

const AGENCIES: readonly [string, string][] = [
  ['bộ y tế', 'ministry of health'], ['bộ công an', 'ministry of public security'], ['bộ tài chính', 'ministry of finance'],
  ['bộ giáo dục và đào tạo', 'ministry of education and training'], ['bộ giáo dục', 'ministry of education'],
  ['bộ nông nghiệp và môi trường', 'ministry of agriculture and environment'], ['bộ công thương', 'ministry of industry and trade'],
  ['bộ xây dựng', 'ministry of construction'], ['bộ ngoại giao', 'ministry of foreign affairs'], ['bộ quốc phòng', 'ministry of national defence'],
  ['ngân hàng nhà nước', 'state bank'], ['sở y tế', 'department of health'], ['sở giáo dục', 'department of education'],
  ['công an', 'police'], ['cảnh sát giao thông', 'traffic police'], ['bệnh viện', 'hospital'], ['trường học', 'school'],
  ['trung tâm kiểm soát bệnh tật', 'centre for disease control'], ['điện lực', 'electricity company'], ['tòa án', 'court'],
];

const CLAIM_TERMS: readonly [string, string][] = [
  ['lũ lụt', 'flood'], ['lũ lụt', 'flooding'], ['mưa lũ', 'flood'], ['ngập lụt', 'flood'], ['ngập lụt', 'flooding'], ['ngập', 'flooded'],
  ['bão', 'storm'], ['bão', 'typhoon'], ['cơn bão', 'storm'], ['sạt lở', 'landslide'], ['động đất', 'earthquake'], ['hạn hán', 'drought'],
  ['xâm nhập mặn', 'saltwater intrusion'], ['cháy rừng', 'forest fire'], ['hỏa hoạn', 'fire'], ['cháy', 'fire'], ['vỡ đê', 'dyke breach'],
  ['vỡ đập', 'dam failure'], ['thủy điện', 'hydropower'], ['xả lũ', 'flood release'], ['sơ tán', 'evacuate'], ['sơ tán', 'evacuation'],
  ['vắc-xin', 'vaccine'], ['vắc-xin', 'vaccination'], ['tiêm chủng', 'vaccination'], ['dịch bệnh', 'epidemic'], ['dịch', 'outbreak'],
  ['cúm', 'flu'], ['sốt xuất huyết', 'dengue'], ['ngộ độc thực phẩm', 'food poisoning'], ['ngộ độc', 'poisoning'], ['thuốc', 'medicine'],
  ['tử vong', 'died'], ['tử vong', 'deaths'], ['thiệt mạng', 'killed'], ['thiệt mạng', 'died'], ['người chết', 'dead'], ['bị thương', 'injured'], ['mất tích', 'missing'],
  ['thiếu', 'shortage'], ['khan hiếm', 'shortage'], ['giá xăng', 'petrol price'], ['giá xăng', 'fuel price'], ['tăng giá', 'price rise'],
  ['học phí', 'tuition fees'], ['lương', 'salary'], ['lương hưu', 'pension'], ['thuế', 'tax'], ['phạt', 'fine'], ['cấm', 'ban'],
  ['đóng cửa', 'closed'], ['đóng cửa', 'closure'], ['mất điện', 'power outage'], ['cắt điện', 'power cut'], ['nước sạch', 'clean water'],
  ['lừa đảo', 'scam'], ['lừa đảo', 'fraud'], ['tin giả', 'fake news'], ['tin đồn', 'rumour'], ['bác bỏ', 'deny'], ['bác bỏ', 'denies'],
  ['phủ nhận', 'deny'], ['phủ nhận', 'denied'], ['bắt giữ', 'arrested'], ['khởi tố', 'prosecuted'], ['sập cầu', 'bridge collapse'],
  ['cầu', 'bridge'], ['sân bay', 'airport'], ['đường cao tốc', 'expressway'], ['tai nạn', 'accident'], ['thực phẩm bẩn', 'contaminated food'],
  ['ô nhiễm', 'pollution'], ['rác thải', 'waste'], ['học sinh', 'pupils'], ['học sinh', 'students'], ['người dân', 'residents'],
  ['nghỉ học', 'school closure'], ['hộ dân', 'households'], ['hỗ trợ', 'aid'], ['cứu trợ', 'relief'], ['tiền hỗ trợ', 'support payment'],
];

export const DEFAULT_GLOSSARY: readonly GlossaryPair[] = [
  ...ADMINISTRATIVE.map(([vi, en]): GlossaryPair => ({ vi, en, kind: 'administrative' })),
  ...AGENCIES.map(([vi, en]): GlossaryPair => ({ vi, en, kind: 'agency' })),
  ...CLAIM_TERMS.map(([vi, en]): GlossaryPair => ({ vi, en, kind: 'claim' })),
];
