// Reading the case board (issue 10) as a person sees it: its columns, the cards in them and their countdowns.
import type { CaseDeadlineView, CaseStatus } from '@vigil/contracts';
import type { Locator, Page } from 'playwright-core';

/** The board's column titles in Vietnamese, the console's default. */
export const STATUS_VI: Record<CaseStatus, string> = {
  new: 'Mới',
  acknowledged: 'Đã tiếp nhận',
  drafting: 'Đang soạn',
  waiting: 'Chờ thông tin',
  in_review: 'Đang duyệt',
  approved: 'Đã duyệt',
  published: 'Đã đăng',
  monitoring: 'Theo dõi',
  closed: 'Đã đóng',
};

export function card(page: Page, caseId: string): Locator {
  return page.locator(`[data-testid="case-card"][data-case-id="${caseId}"]`);
}

export function column(page: Page, status: CaseStatus): Locator {
  return page.locator(`[data-testid="board-column"][data-status="${status}"]`);
}

/** The case's card once it is in that column. */
export async function cardIn(page: Page, caseId: string, status: CaseStatus): Promise<Locator> {
  const located = column(page, status).locator(`[data-testid="case-card"][data-case-id="${caseId}"]`);
  await located.waitFor();
  return located;
}

/** "còn 14:32" → 872 s; "quá hạn 01:05" → -65 s. */
export function secondsLeft(text: string): number {
  const [, overdue, hours, minutes, seconds] = /(quá hạn|overdue by)?\s*(?:(\d+):)?(\d\d):(\d\d)/.exec(text) ?? [];
  if (minutes === undefined || seconds === undefined) throw new Error(`No countdown in “${text}”`);
  const total = Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
  return overdue ? -total : total;
}

export function acknowledgeDeadline(view: { deadlines: CaseDeadlineView[] }): CaseDeadlineView {
  const deadline = view.deadlines.find((candidate) => candidate.stage === 'acknowledge');
  if (!deadline) throw new Error(`No acknowledge deadline in ${JSON.stringify(view.deadlines)}`);
  return deadline;
}
