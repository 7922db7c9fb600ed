import type { DraftTemplateList, DraftTemplateView } from '@vigil/contracts';

/** /api/docs examples of the template answers. */
const template: DraftTemplateView = {
  id: '4e7a2c9b-1d3f-4b6e-8a5c-7f0e2d4b9c13',
  name: 'Bài đăng mạng xã hội',
  channel: 'social_post',
  language: 'vi',
  body: 'THÔNG TIN SAI SỰ THẬT: {{case_title}}\n\n{{facts}}\n\nNguồn: {{office_name}}, {{date}}',
  updatedAt: '2026-11-27T03:00:00.000Z',
};

export const TEMPLATE_EXAMPLES: { DraftTemplateView: DraftTemplateView; DraftTemplateList: DraftTemplateList } = {
  DraftTemplateView: template,
  DraftTemplateList: { templates: [template] },
};
