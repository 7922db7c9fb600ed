import { useTranslation } from 'react-i18next';
import type { CaseView } from '@vigil/contracts';
import { CaseTimeline } from './timeline/case-timeline';

/**
 * Where the case's crisis timeline (spread, flags, status changes, drafts, deadlines met or breached) is drawn on
 * the case page; read again whenever the case changes.
 */
export function CaseTimelineSlot({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  return (
    <section className="card case-timeline" aria-labelledby="case-timeline-title" data-testid="case-timeline-slot" data-case-id={view.id}>
      <h2 id="case-timeline-title">{t('cases.detail.timelineTitle')}</h2>
      <CaseTimeline caseId={view.id} version={view.updatedAt} />
    </section>
  );
}
