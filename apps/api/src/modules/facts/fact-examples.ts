import type { FactPage, FactView } from '@vigil/contracts';

/** /api/docs examples of the fact library's answers: one official statement on the water supply. */
const AT = '2026-11-27T03:00:00.000Z';

const fact: FactView = {
  id: '6c1d8e3a-4b7f-4a2e-9d5c-3e8f1a6b2c47',
  statement: 'Hà Nội không có kế hoạch cắt nước trên diện rộng trong tháng 12/2026.',
  sourceName: 'Sở Xây dựng Hà Nội (hư cấu)',
  sourceUrl: 'https://soxaydung.example.gov.vn/thong-cao/cap-nuoc-thang-12',
  statedOn: '2026-11-26',
  validFrom: '2026-11-26',
  validUntil: '2026-12-31',
  expired: false,
  tags: ['cấp nước'],
  language: 'vi',
  createdBy: { id: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', username: 'lan.nguyen', displayName: 'Nguyễn Thị Lan' },
  createdAt: AT,
  updatedAt: AT,
};

export const FACT_EXAMPLES: { FactView: FactView; FactPage: FactPage } = {
  FactView: fact,
  FactPage: { facts: [fact], total: 1 },
};
