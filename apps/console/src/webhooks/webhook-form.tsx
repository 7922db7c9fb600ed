import { SEVERITIES, type Severity, type WebhookView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookFields } from '../api/webhooks-api';
import { useErrorMessage } from '../shared/error-message';

const EMPTY: WebhookFields = { name: '', url: '', minSeverity: 'critical', includeSpikes: true, includeDigest: false, enabled: true };

/** Creates a webhook, or edits one (`editing`); the API judges validity and its messages name the field. */
export function WebhookForm({ editing, onSave, onCancel }: { editing: WebhookView | null; onSave: (fields: WebhookFields) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [fields, setFields] = useState<WebhookFields>(editing ? pick(editing) : EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const set = <K extends keyof WebhookFields>(key: K, value: WebhookFields[K]) => setFields((current) => ({ ...current, [key]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await onSave({ ...fields, name: fields.name.trim(), url: fields.url.trim() });
      if (!editing) setFields(EMPTY);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form className="form card" onSubmit={handleSubmit} noValidate aria-labelledby="webhook-form-title" data-testid="webhook-form">
      <h2 id="webhook-form-title">{editing ? t('webhooks.form.editTitle', { name: editing.name }) : t('webhooks.form.createTitle')}</h2>
      <div className="form-grid">
        <label className="field">
          <span>{t('webhooks.form.name')}</span>
          <input value={fields.name} onChange={(event) => set('name', event.target.value)} required data-testid="webhook-form-name" />
        </label>
        <label className="field">
          <span>{t('webhooks.form.url')}</span>
          <input type="url" value={fields.url} onChange={(event) => set('url', event.target.value)} required data-testid="webhook-form-url" />
        </label>
        <label className="field">
          <span>{t('webhooks.form.minSeverity')}</span>
          <select value={fields.minSeverity} onChange={(event) => set('minSeverity', event.target.value as Severity)} data-testid="webhook-form-severity">
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {t(`rules.severity.${severity}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="checkboxes">
        {(['includeSpikes', 'includeDigest', 'enabled'] as const).map((key) => (
          <label key={key}>
            <input type="checkbox" checked={fields[key]} onChange={(event) => set(key, event.target.checked)} data-testid={`webhook-form-${key}`} /> {t(`webhooks.form.${key}`)}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="form-error" role="alert" data-testid="webhook-form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={submitting} data-testid="webhook-form-submit">
          {editing ? t('webhooks.form.save') : t('webhooks.form.create')}
        </button>
        {editing && (
          <button type="button" onClick={onCancel} data-testid="webhook-form-cancel">
            {t('webhooks.form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function pick(webhook: WebhookView): WebhookFields {
  const { name, url, minSeverity, includeSpikes, includeDigest, enabled } = webhook;
  return { name, url, minSeverity, includeSpikes, includeDigest, enabled };
}
