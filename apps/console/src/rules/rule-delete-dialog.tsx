import type { RuleView } from '@vigil/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteRule } from '../api/rules-api';
import { useErrorMessage } from '../shared/error-message';

interface RuleDeleteDialogProps {
  rule: RuleView;
  /** `deleted` is false when the dialog was cancelled. */
  onClose: (deleted: boolean) => void;
}

export function RuleDeleteDialog({ rule, onClose }: RuleDeleteDialogProps) {
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
      await deleteRule(rule.id);
      onClose(true);
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog dialog-narrow" aria-labelledby="rule-delete-title" onClose={() => onClose(false)} data-testid="rule-delete-dialog">
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id="rule-delete-title">{t('rules.deleteDialog.title', { name: rule.name })}</h2>
        <p>{t('rules.deleteDialog.body')}</p>
        {error && (
          <p className="form-error" role="alert" data-testid="rule-delete-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="danger" disabled={submitting} data-testid="rule-delete-confirm">
            {submitting ? t('rules.deleteDialog.submitting') : t('rules.deleteDialog.submit')}
          </button>
          <button type="button" onClick={() => onClose(false)} disabled={submitting} data-testid="rule-delete-cancel">
            {t('rules.deleteDialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
