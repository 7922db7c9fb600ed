import { CASE_SEVERITIES, type CaseSummary } from '@vigil/contracts';
import { currentDeadline } from './deadline-urgency';

/** Within a column: the nearest due deadline first, then the most severe, then the newest. */
export function compareCards(a: CaseSummary, b: CaseSummary): number {
  const due = (summary: CaseSummary) => {
    const deadline = currentDeadline(summary.deadlines);
    return deadline ? Date.parse(deadline.dueAt) : Number.POSITIVE_INFINITY;
  };
  return due(a) - due(b) || CASE_SEVERITIES.indexOf(a.severity) - CASE_SEVERITIES.indexOf(b.severity) || b.createdAt.localeCompare(a.createdAt);
}
