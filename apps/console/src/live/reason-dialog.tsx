import type { CaseSummary, CreateGlossaryTermRequest, FlagView, SimilarCaseView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissFlag, escalateFlag } from '../api/flags-api';
import { useErrorMessage } from '../shared/error-message';
import { FlagCaseSuggestions } from './flag-case-suggestions';
import { useModalDialog } from '../shared/use-modal-dialog';

export type Decision = 'escalate' | 'dismiss';

interface ReasonDialogProps {
  flag: FlagView;
  decision: Decision;
  /** The decided flag (and the case an escalation opened), or nothing when cancelled. */
  onClose: (decided?: FlagView, opened?: CaseSummary) => void;
}

/** Asks why before deciding a flag: required to dismiss, optional to escalate (into a new case or a suggested one). */
export function ReasonDialog({ flag, decision, onClose }: ReasonDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attachingId, setAttachingId] = useState<string | null>(null);
  const required = decision === 'dismiss';

  async function attach(suggestion: SimilarCaseView, pairs: CreateGlossaryTermRequest[]) {
    setSubmitting(true);
    setAttachingId(suggestion.caseId);
    setError(null);
    try {
      const escalated = await escalateFlag(flag.id, reason.trim() || undefined, { caseId: suggestion.caseId, pairs });
      onClose(escalated, escalated.case);
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
      setAttachingId(null);
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    if (required && !text) {
      setError(t('live.dialog.reasonRequired'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      if (decision === 'dismiss') {
        onClose(await dismissFlag(flag.id, text));
      } else {
        const escalated = await escalateFlag(flag.id, text || undefined);
        onClose(escalated, escalated.case);
      }
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  const titleId = `flag-${decision}-title`;
  return (
    <dialog ref={dialog} className="dialog dialog-narrow" aria-labelledby={titleId} onClose={() => onClose()} data-testid="flag-reason-dialog" data-decision={decision}>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id={titleId}>{t(decision === 'dismiss' ? 'live.dialog.dismissTitle' : 'live.dialog.escalateTitle')}</h2>
        <p className="flag-dialog-subject">{flag.item.title || t('live.untitled')}</p>
        <label className="field">
          <span>{t(required ? 'live.dialog.reason' : 'live.dialog.reasonOptional')}</span>
          <textarea
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
            maxLength={500}
            required={required}
            autoFocus
            aria-invalid={error !== null && required && !reason.trim()}
            data-testid="flag-reason"
          />
        </label>
        {decision === 'escalate' && <FlagCaseSuggestions flagId={flag.id} attachingId={attachingId} disabled={submitting} onAttach={(suggestion, pairs) => void attach(suggestion, pairs)} />}
        {error && (
          <p className="form-error" role="alert" data-testid="flag-reason-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className={decision === 'dismiss' ? 'danger' : 'primary'} disabled={submitting} data-testid="flag-reason-submit">
            {submitting ? t('live.dialog.submitting') : t(decision === 'dismiss' ? 'live.dialog.submitDismiss' : 'live.dialog.submitEscalate')}
          </button>
          <button type="button" onClick={() => onClose()} disabled={submitting} data-testid="flag-reason-cancel">
            {t('live.dialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
