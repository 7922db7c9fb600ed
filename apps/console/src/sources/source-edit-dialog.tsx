import { SOURCE_KINDS, type SourceView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateSource } from '../api/sources-api';
import { useErrorMessage } from '../shared/error-message';
import { draftFromSource, toUpdateRequest, type SourceDraft } from './source-draft';
import { SourceFields } from './source-fields';
import { useModalDialog } from '../shared/use-modal-dialog';

interface SourceEditDialogProps {
  source: SourceView;
  /** `saved` is null when nothing had changed and no request was sent. */
  onClose: (saved: SourceView | null) => void;
}

/** A modal form over the table: the row stays visible behind it, and Escape cancels. */
export function SourceEditDialog({ source, onClose }: SourceEditDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [draft, setDraft] = useState<SourceDraft>(() => draftFromSource(source));
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes = toUpdateRequest(draft, source);
    if (Object.keys(changes).length === 0) {
      onClose(null);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      onClose(await updateSource(source.id, changes));
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="source-edit-title" onClose={() => onClose(null)} data-testid="source-edit-dialog">
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id="source-edit-title">{t('sources.editDialog.title', { name: source.name })}</h2>
        <SourceFields
          draft={draft}
          onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
          kinds={SOURCE_KINDS}
          testIdPrefix="source-edit"
          advancedOpen
        />
        {error && (
          <p className="form-error" role="alert" data-testid="source-edit-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={submitting} data-testid="source-edit-submit">
            {submitting ? t('sources.editDialog.submitting') : t('sources.editDialog.submit')}
          </button>
          <button type="button" onClick={() => onClose(null)} disabled={submitting} data-testid="source-edit-cancel">
            {t('sources.editDialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
