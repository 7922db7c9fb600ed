import { SOURCE_KINDS, type SourceKindRequest, type SourceView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createSource } from '../api/sources-api';
import { ApiError } from '../api/http';
import { useErrorMessage } from '../shared/error-message';
import { emptyDraft, toCreateRequest, type SourceDraft } from './source-draft';
import { SourceFields } from './source-fields';

/** 'auto' first: most people paste a site's address and let the API find its feed. */
const CREATE_KINDS: readonly SourceKindRequest[] = ['auto', ...SOURCE_KINDS];

interface SourceFormProps {
  /** `requested` is what the user typed, so the page can say what detection changed. */
  onCreated: (source: SourceView, requested: { kind: SourceKindRequest; url: string }) => void;
}

export function SourceForm({ onCreated }: SourceFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<SourceDraft>(emptyDraft);
  const [error, setError] = useState<string | null>(null);
  /** For `source_exists`: the source that already has the address, linked from the message. */
  const [existingId, setExistingId] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    setExistingId(null);
    try {
      const request = toCreateRequest(draft);
      const created = await createSource(request);
      setDraft(emptyDraft());
      onCreated(created, { kind: request.kind, url: request.url });
    } catch (caught) {
      setError(errorMessage(caught));
      if (caught instanceof ApiError && caught.code === 'source_exists' && caught.details?.existingId) setExistingId(caught.details.existingId);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    // noValidate: the API is the single judge of validity and its messages name the offending field.
    <form className="form card" onSubmit={handleSubmit} noValidate aria-labelledby="source-form-title">
      <h2 id="source-form-title">{t('sources.form.title')}</h2>
      <SourceFields
        draft={draft}
        onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
        kinds={CREATE_KINDS}
        testIdPrefix="source-form"
        advancedOpen={false}
      />
      {error && (
        <p className="form-error" role="alert" data-testid="source-form-error">
          {error}
          {existingId && (
            <>
              {' '}
              <a href={`#source-${existingId}`} data-testid="source-form-existing">
                {t('sources.form.showExisting')}
              </a>
            </>
          )}
        </p>
      )}
      <button type="submit" className="primary" disabled={submitting} data-testid="source-form-submit">
        {submitting ? t('sources.form.submitting') : t('sources.form.submit')}
      </button>
    </form>
  );
}
