import type { CaseSeverity, DraftChecks, DraftView, UserView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDraftChecks, reviewDraft, type DraftReviewStep } from '../api/drafts-api';
import { ApiError } from '../api/http';
import { DateTime } from '../shared/date-time';
import { useErrorMessage } from '../shared/error-message';
import { ExternalLink } from '../shared/external-link';
import { useResource } from '../shared/use-resource';
import { approvalNeedsSignOff, draftActions, type DraftAction } from './draft-actions';
import { DraftChecksList } from './draft-checks-list';
import { citationNumbers } from './draft-document';
import { PublishDialog } from './publish-dialog';

const STEP: Record<Exclude<DraftAction, 'publish'>, DraftReviewStep> = {
  submit: 'submit',
  'request-changes': 'request-changes',
  approve: 'approve',
  'sign-off': 'approve',
};

interface DraftReviewProps {
  draft: DraftView;
  severity: CaseSeverity;
  user: UserView;
  /** Saves what is unsaved first, so the step is taken on the text as written; false when it could not be saved. */
  flush: () => Promise<boolean>;
  /** The version the editor last saved, which the step names (it may be newer than `draft` for a moment). */
  savedVersion: () => number;
  onChanged: (view: DraftView) => void;
}

/** Where the draft stands in review, the pinned approved version, and the steps this user may take now. */
export function DraftReview({ draft, severity, user, flush, savedVersion, onChanged }: DraftReviewProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const actions = draftActions(draft.status, user.roles);
  const approving = actions.includes('approve') || actions.includes('sign-off');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [publishing, setPublishing] = useState(false);

  async function take(action: Exclude<DraftAction, 'publish'>) {
    setBusy(true);
    setError(null);
    try {
      if (!(await flush())) return;
      onChanged(await reviewDraft(draft.id, STEP[action], { version: savedVersion(), ...(note.trim() ? { note: note.trim() } : {}) }));
      setNote('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const refusedChecks = error instanceof ApiError && error.code === 'draft_checks_failed' ? (error.details?.checks ?? []) : [];
  return (
    <section className="card draft-review" aria-labelledby="draft-review-title" data-testid="draft-review">
      <h2 id="draft-review-title">{t('drafts.review.title')}</h2>
      <p>
        <span className={`badge draft-status draft-status-${draft.status}`} data-testid="draft-status" data-status={draft.status}>
          {t(`drafts.status.${draft.status}`)}
        </span>
      </p>
      <ApprovedVersion draft={draft} />
      {draft.publication && (
        <p data-testid="draft-publication">
          {t('drafts.review.publishedAt')} <DateTime value={draft.publication.publishedAt} fallback="" />{' '}
          <ExternalLink href={draft.publication.url} testId="draft-publication-url">
            {draft.publication.url}
          </ExternalLink>
        </p>
      )}
      {approving && <PreApprovalChecks draft={draft} />}
      {actions.length === 0 ? (
        <p className="muted small" data-testid="draft-actions-none">
          {t('drafts.review.noActions')}
        </p>
      ) : (
        <>
          {actions.some((action) => action !== 'publish') && (
            <label className="field">
              <span>{t('drafts.review.note')}</span>
              <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={2000} data-testid="draft-review-note" />
            </label>
          )}
          {approvalNeedsSignOff(draft.status, severity, user.roles) && <p className="muted small">{t('drafts.review.needsSignOff')}</p>}
          <div className="form-actions" role="group" aria-label={t('drafts.review.actions')}>
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                className={action === 'request-changes' ? undefined : 'primary'}
                disabled={busy}
                onClick={() => (action === 'publish' ? setPublishing(true) : void take(action))}
                data-testid={`draft-action-${action}`}
              >
                {t(`drafts.review.action.${action}`)}
              </button>
            ))}
          </div>
        </>
      )}
      {error !== null && (
        <div className="form-error" role="alert" data-testid="draft-review-error">
          <p>{errorMessage(error)}</p>
          {refusedChecks.length > 0 && <DraftChecksList checks={refusedChecks} citations={draft.document.citations} numbers={citationNumbers(draft.document.blocks)} testId="draft-refused-checks" />}
        </div>
      )}
      {publishing && (
        <PublishDialog
          draftId={draft.id}
          onClose={(published) => {
            setPublishing(false);
            if (published) onChanged(published);
          }}
        />
      )}
    </section>
  );
}

function ApprovedVersion({ draft }: { draft: DraftView }) {
  const { t } = useTranslation();
  if (draft.approvedVersion === null) {
    return (
      <p className="muted small" data-testid="draft-approved-version" data-version="">
        {t('drafts.review.notApproved')}
      </p>
    );
  }
  return (
    <p data-testid="draft-approved-version" data-version={draft.approvedVersion}>
      <strong>{t('drafts.review.approvedVersion', { version: draft.approvedVersion })}</strong>
      {draft.version > draft.approvedVersion && <span className="muted"> {t('drafts.review.editedSinceApproval', { version: draft.version })}</span>}
    </p>
  );
}

/** What the approval would be refused for, read before pressing the button. */
function PreApprovalChecks({ draft }: { draft: DraftView }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const checks = useResource<DraftChecks>((signal) => getDraftChecks(draft.id, signal), [draft.id, draft.version, draft.status]);
  return (
    <div className="draft-pre-checks" data-testid="draft-pre-checks" data-passed={checks.data?.passed ?? ''}>
      <h3>{t('drafts.checks.title')}</h3>
      {checks.error !== undefined ? (
        <p className="form-error">{errorMessage(checks.error)}</p>
      ) : !checks.data ? (
        <p className="muted small">{t('common.loading')}</p>
      ) : checks.data.checks.length === 0 ? (
        <p className="draft-checks-passed" data-testid="draft-checks-passed">
          {t('drafts.checks.passed')}
        </p>
      ) : (
        <DraftChecksList checks={checks.data.checks} citations={draft.document.citations} numbers={citationNumbers(draft.document.blocks)} testId="draft-checks" />
      )}
    </div>
  );
}
