import type { CaseDeadlineStage, CaseSeverity, CaseStatus, TimelineEvent } from '@vigil/contracts';

export const REPORT_LANGUAGES = ['vi', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

interface ReportLabels {
  locale: string;
  title: string;
  generated: string;
  severity: string;
  status: string;
  assignee: string;
  team: string;
  opened: string;
  claim: string;
  links: string;
  metrics: string;
  timeToAcknowledge: string;
  timeToFirstDraft: string;
  timeToPublish: string;
  deadlines: string;
  stage: string;
  due: string;
  outcome: string;
  impact: string;
  window: string;
  items: string;
  sources: string;
  before24h: string;
  after24h: string;
  after72h: string;
  incomplete: string;
  spread: string;
  firstSeen: string;
  events: string;
  when: string;
  what: string;
  none: string;
  notYet: string;
  truncated: string;
  severities: Record<CaseSeverity, string>;
  statuses: Record<CaseStatus, string>;
  stages: Record<CaseDeadlineStage, string>;
  outcomes: Record<'warned' | 'met' | 'breached' | 'pending', string>;
  kinds: Record<TimelineEvent['kind'], string>;
}

const VI: ReportLabels = {
  locale: 'vi-VN',
  title: 'Báo cáo vụ việc',
  generated: 'Lập lúc',
  severity: 'Mức độ',
  status: 'Trạng thái',
  assignee: 'Người phụ trách',
  team: 'Nhóm',
  opened: 'Mở lúc',
  claim: 'Nội dung thông tin cần xử lý',
  links: 'Cờ, tin và câu chuyện liên quan',
  metrics: 'Chỉ số',
  timeToAcknowledge: 'Thời gian tiếp nhận',
  timeToFirstDraft: 'Thời gian có bản thảo đầu',
  timeToPublish: 'Thời gian công bố',
  deadlines: 'Thời hạn',
  stage: 'Bước',
  due: 'Hạn',
  outcome: 'Kết quả',
  impact: 'Tác động sau phản hồi',
  window: 'Khoảng thời gian',
  items: 'Tin',
  sources: 'Nguồn',
  before24h: '24 giờ trước',
  after24h: '24 giờ sau',
  after72h: '72 giờ sau',
  incomplete: '(chưa hết khoảng)',
  spread: 'Lan truyền theo nguồn',
  firstSeen: 'Thấy lần đầu',
  events: 'Diễn biến',
  when: 'Thời điểm',
  what: 'Sự việc',
  none: 'Không có',
  notYet: 'Chưa',
  truncated: 'Chỉ liệt kê các sự việc đầu tiên.',
  severities: { critical: 'Khẩn cấp', high: 'Cao', medium: 'Trung bình', low: 'Thấp' },
  statuses: {
    new: 'Mới',
    acknowledged: 'Đã tiếp nhận',
    drafting: 'Đang soạn',
    waiting: 'Chờ thông tin',
    in_review: 'Đang duyệt',
    approved: 'Đã duyệt',
    published: 'Đã công bố',
    monitoring: 'Theo dõi',
    closed: 'Đã đóng',
  },
  stages: { acknowledge: 'Tiếp nhận', draft: 'Bản thảo', approve: 'Phê duyệt', publish: 'Công bố' },
  outcomes: { warned: 'Đã cảnh báo', met: 'Đúng hạn', breached: 'Quá hạn', pending: 'Đang chạy' },
  kinds: {
    first_seen: 'Tin đầu tiên',
    flag_raised: 'Gắn cờ',
    spike: 'Tăng đột biến',
    case_opened: 'Mở vụ việc',
    status_changed: 'Đổi trạng thái',
    escalated: 'Chuyển cấp',
    deadline: 'Thời hạn',
  },
};

const EN: ReportLabels = {
  locale: 'en-GB',
  title: 'Case report',
  generated: 'Generated',
  severity: 'Severity',
  status: 'Status',
  assignee: 'Assignee',
  team: 'Team',
  opened: 'Opened',
  claim: 'Claim',
  links: 'Linked flags, items and stories',
  metrics: 'Metrics',
  timeToAcknowledge: 'Time to acknowledge',
  timeToFirstDraft: 'Time to first draft',
  timeToPublish: 'Time to publish',
  deadlines: 'Deadlines',
  stage: 'Stage',
  due: 'Due',
  outcome: 'Outcome',
  impact: 'Impact of the response',
  window: 'Window',
  items: 'Items',
  sources: 'Sources',
  before24h: '24 h before',
  after24h: '24 h after',
  after72h: '72 h after',
  incomplete: '(window still open)',
  spread: 'Spread by source',
  firstSeen: 'First seen',
  events: 'Timeline',
  when: 'When',
  what: 'What',
  none: 'None',
  notYet: 'Not yet',
  truncated: 'Only the first events are listed.',
  severities: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' },
  statuses: {
    new: 'New',
    acknowledged: 'Acknowledged',
    drafting: 'Drafting',
    waiting: 'Waiting',
    in_review: 'In review',
    approved: 'Approved',
    published: 'Published',
    monitoring: 'Monitoring',
    closed: 'Closed',
  },
  stages: { acknowledge: 'Acknowledge', draft: 'First draft', approve: 'Approval', publish: 'Publication' },
  outcomes: { warned: 'Warned', met: 'Met', breached: 'Breached', pending: 'Running' },
  kinds: {
    first_seen: 'First item',
    flag_raised: 'Flag raised',
    spike: 'Spike',
    case_opened: 'Case opened',
    status_changed: 'Status changed',
    escalated: 'Escalated',
    deadline: 'Deadline',
  },
};

export function reportLabels(language: ReportLanguage): ReportLabels {
  return language === 'en' ? EN : VI;
}
export type { ReportLabels };
