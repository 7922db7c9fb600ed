import type { DraftView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { publishDraft } from '../api/drafts-api';
import { useErrorMessage } from '../shared/error-message';
import { useModalDialog } from '../shared/use-modal-dialog';

interface PublishDialogProps {
  draftId: string;
  /** The published draft, or nothing when cancelled. */
  onClose: (published?: DraftView) => void;
}

/** Records where the approved text went out; Vigil sends nothing itself. */
export function PublishDialog({ draftId, onClose }: PublishDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^https?:\/\/\S+$/i.test(url.trim())) {
      setError(t('drafts.publish.urlRequired'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      onClose(await publishDraft(draftId, { url: url.trim() }));
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog dialog-narrow" aria-labelledby="draft-publish-title" onClose={() => onClose()} data-testid="draft-publish-dialog">
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id="draft-publish-title">{t('drafts.publish.title')}</h2>
        <p className="muted">{t('drafts.publish.explain')}</p>
        <label className="field">
          <span>{t('drafts.publish.url')}</span>
          <input type="url" value={url} onChange={(event) => setUrl(event.target.value)} maxLength={2000} required autoFocus placeholder="https://" data-testid="draft-publish-url" />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="draft-publish-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={submitting} data-testid="draft-publish-submit">
            {submitting ? t('drafts.publish.submitting') : t('drafts.publish.submit')}
          </button>
          <button type="button" onClick={() => onClose()} disabled={submitting}>
            {t('drafts.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
