import type { SourceRemoval, SourceView } from '@vigil/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { removeSource } from '../api/sources-api';
import { useErrorMessage } from '../shared/error-message';

interface SourceRemoveDialogProps {
  source: SourceView;
  /** `removed` is null when the dialog was cancelled. */
  onClose: (removed: SourceRemoval | null) => void;
}

/**
 * Asks before removing: by default the items stay as evidence, marked "source removed"; deleting them too is a
 * separate, unticked choice.
 */
export function SourceRemoveDialog({ source, onClose }: SourceRemoveDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useRef<HTMLDialogElement>(null);
  const [withItems, setWithItems] = useState(false);
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
      onClose(await removeSource(source.id, withItems));
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="source-remove-title" onClose={() => onClose(null)} data-testid="source-remove-dialog">
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id="source-remove-title">{t('sources.removeDialog.title', { name: source.name })}</h2>
        <p>{t('sources.removeDialog.body')}</p>
        <label className="checkbox">
          <input type="checkbox" checked={withItems} onChange={(event) => setWithItems(event.target.checked)} data-testid="source-remove-with-items" />
          {t('sources.removeDialog.withItems')}
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="source-remove-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="danger" disabled={submitting} data-testid="source-remove-confirm">
            {submitting ? t('sources.removeDialog.submitting') : t(withItems ? 'sources.removeDialog.submitWithItems' : 'sources.removeDialog.submit')}
          </button>
          <button type="button" onClick={() => onClose(null)} disabled={submitting} data-testid="source-remove-cancel">
            {t('sources.removeDialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
