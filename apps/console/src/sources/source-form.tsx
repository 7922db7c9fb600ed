import { SOURCE_KINDS, type SourceKind, type SourceView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createSource } from '../api/sources-api';
import { useErrorMessage } from '../shared/error-message';

const DEFAULT_INTERVAL_SEC = '900';
const MIN_INTERVAL_SEC = 60;

export function SourceForm({ onCreated }: { onCreated: (source: SourceView) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState<SourceKind>('rss');
  const [intervalSec, setIntervalSec] = useState(DEFAULT_INTERVAL_SEC);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const created = await createSource({
        name: name.trim(),
        url: url.trim(),
        kind,
        pollIntervalSec: intervalSec === '' ? undefined : Number(intervalSec),
      });
      setName('');
      setUrl('');
      setIntervalSec(DEFAULT_INTERVAL_SEC);
      onCreated(created);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    // noValidate: the API is the single judge of validity and its messages name the offending field.
    <form className="form card" onSubmit={handleSubmit} noValidate aria-labelledby="source-form-title">
      <h2 id="source-form-title">{t('sources.form.title')}</h2>
      <div className="form-grid">
        <label className="field">
          <span>{t('sources.form.name')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} required data-testid="source-form-name" />
        </label>
        <label className="field">
          <span>{t('sources.form.url')}</span>
          <input
            type="url"
            inputMode="url"
            placeholder="https://"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            required
            data-testid="source-form-url"
          />
        </label>
        <label className="field">
          <span>{t('sources.form.kind')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as SourceKind)} data-testid="source-form-kind">
            {SOURCE_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`sources.kinds.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('sources.form.interval')}</span>
          <input
            type="number"
            min={MIN_INTERVAL_SEC}
            step={1}
            value={intervalSec}
            onChange={(event) => setIntervalSec(event.target.value)}
            aria-describedby="source-form-interval-hint"
            data-testid="source-form-interval"
          />
          <small id="source-form-interval-hint" className="muted">
            {t('sources.form.intervalHint')}
          </small>
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="source-form-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={submitting} data-testid="source-form-submit">
        {submitting ? t('sources.form.submitting') : t('sources.form.submit')}
      </button>
    </form>
  );
}
