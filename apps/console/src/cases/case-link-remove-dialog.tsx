import type { CaseLinkView, CaseView } from '@vigil/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unlinkFromCase } from '../api/cases-api';
import { useErrorMessage } from '../shared/error-message';

interface CaseLinkRemoveDialogProps {
  caseId: string;
  link: CaseLinkView;
  /** `updated` is null when the dialog was cancelled. */
  onClose: (updated: CaseView | null) => void;
}

/** Asks before unlinking: the flag, item or story stays; only the case stops pointing at it. */
export function CaseLinkRemoveDialog({ caseId, link, onClose }: CaseLinkRemoveDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    // StrictMode runs this twice; closing in a cleanup would fire `close` and cancel at once.
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      onClose(await unlinkFromCase(caseId, link.kind, link.id));
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog dialog-narrow" aria-labelledby="case-link-remove-title" onClose={() => onClose(null)} data-testid="case-link-remove-dialog">
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id="case-link-remove-title">{t('cases.links.removeDialog.title', { title: link.title || t('live.untitled') })}</h2>
        <p>{t('cases.links.removeDialog.body')}</p>
        {error && (
          <p className="form-error" role="alert" data-testid="case-link-remove-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="danger" disabled={submitting} data-testid="case-link-remove-confirm">
            {submitting ? t('cases.links.removeDialog.submitting') : t('cases.links.removeDialog.submit')}
          </button>
          <button type="button" onClick={() => onClose(null)} disabled={submitting} data-testid="case-link-remove-cancel">
            {t('cases.links.removeDialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
