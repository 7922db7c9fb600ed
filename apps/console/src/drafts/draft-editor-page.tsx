import type { CaseView, ChannelLimits, DraftView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getCase } from '../api/cases-api';
import { getChannelLimits, getDraft } from '../api/drafts-api';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { useResource } from '../shared/use-resource';
import { DraftWorkspace } from './draft-workspace';

/** /drafts/:id: the draft, its case (evidence, severity) and the channel limits, then the workspace. */
export function DraftEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const draft = useResource<DraftView>((signal) => getDraft(id, signal), [id]);
  const caseId = draft.data?.caseId;
  const caseView = useResource<CaseView | null>((signal) => (caseId ? getCase(caseId, signal) : Promise.resolve(null)), [caseId]);
  const limits = useResource<ChannelLimits>((signal) => getChannelLimits(signal), []);
  const error = draft.error ?? caseView.error;

  return (
    <section className="page draft-page">
      {caseId && (
        <p>
          <Link to={`/cases/${encodeURIComponent(caseId)}`} data-testid="draft-back">
            {caseView.data ? t('drafts.page.backTo', { reference: caseView.data.reference }) : t('drafts.page.back')}
          </Link>
        </p>
      )}
      {error !== undefined ? (
        <ErrorState error={error} onRetry={draft.error !== undefined ? draft.reload : caseView.reload} />
      ) : !draft.data || !caseView.data ? (
        <LoadingState />
      ) : (
        // Keyed by the draft: another draft starts a fresh editor and a fresh save state.
        <DraftWorkspace key={draft.data.id} initial={draft.data} caseView={caseView.data} limits={limits.data ?? null} />
      )}
    </section>
  );
}
