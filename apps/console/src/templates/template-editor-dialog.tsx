import { DRAFT_CHANNELS, DRAFT_LANGUAGES, type DraftChannel, type DraftLanguage, TEMPLATE_PLACEHOLDERS, type DraftTemplateView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { createTemplate, updateTemplate } from '../api/templates-api';
import { DraftChannelField, DraftLanguageField } from '../shared/draft-choice-fields';
import { useErrorMessage } from '../shared/error-message';
import { useModalDialog } from '../shared/use-modal-dialog';

interface TemplateEditorDialogProps {
  /** Null for a new template, whose channel and language are chosen here. */
  template: DraftTemplateView | null;
  /** `saved` is null when the dialog was cancelled or nothing had changed. */
  onClose: (saved: DraftTemplateView | null) => void;
}

/** Where a refusal is shown: a problem with the body under the body, anything else above the buttons. */
type Problem = { where: 'name' | 'body' | 'form'; text: string };

/** An admin writes a new template or edits one's name and body, with the placeholders listed beside it. */
export function TemplateEditorDialog({ template, onClose }: TemplateEditorDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [name, setName] = useState(template?.name ?? '');
  const [channel, setChannel] = useState<DraftChannel>(template?.channel ?? DRAFT_CHANNELS[0]);
  const [language, setLanguage] = useState<DraftLanguage>(template?.language ?? DRAFT_LANGUAGES[0]);
  const [body, setBody] = useState(template?.body ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  function explain(caught: unknown): Problem {
    if (!(caught instanceof ApiError)) return { where: 'form', text: errorMessage(caught) };
    if (caught.code === 'template_placeholder_unknown') {
      const placeholder = caught.details?.placeholder ?? '';
      return { where: 'body', text: `${errorMessage(caught)} ${t('templates.unknownPlaceholder', { placeholder: `{{${placeholder}}}` })}` };
    }
    if (caught.code === 'validation_failed' && (caught.field === 'name' || caught.field === 'body')) {
      return { where: caught.field, text: t('validation.field', { field: t(`templates.fields.${caught.field}`) }) };
    }
    return { where: 'form', text: errorMessage(caught) };
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const changes = template ? { ...(name !== template.name ? { name } : {}), ...(body !== template.body ? { body } : {}) } : {};
    if (template && Object.keys(changes).length === 0) {
      onClose(null);
      return;
    }
    setBusy(true);
    try {
      onClose(template ? await updateTemplate(template.id, changes) : await createTemplate({ name, channel, language, body }));
    } catch (caught) {
      setProblem(explain(caught));
      setBusy(false);
    }
  }

  const problemAt = (where: Problem['where']) =>
    problem?.where === where && (
      <p className="form-error" role="alert" data-testid={`template-${where}-error`}>
        {problem.text}
      </p>
    );

  return (
    <dialog ref={dialog} className="dialog template-editor" aria-labelledby="template-editor-title" onClose={() => onClose(null)} data-testid="template-editor">
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id="template-editor-title">
          {template ? t('templates.editTitle', { channel: t(`drafts.channel.${template.channel}`), language: t(`languageNames.${template.language}`) }) : t('templates.newTitle')}
        </h2>
        <label className="field">
          <span>{t('templates.fields.name')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} data-testid="template-name" />
        </label>
        {problemAt('name')}
        {!template && (
          <div className="form-grid">
            <DraftChannelField label={t('templates.fields.channel')} value={channel} onChange={setChannel} testId="template-channel" />
            <DraftLanguageField label={t('templates.fields.language')} value={language} onChange={setLanguage} testId="template-language" />
          </div>
        )}
        <div className="template-body-row">
          <label className="field template-body">
            <span>{t('templates.fields.body')}</span>
            <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={16} maxLength={20000} spellCheck={false} data-testid="template-body" />
          </label>
          <aside className="template-placeholders" aria-labelledby="template-placeholders-title" data-testid="template-placeholders">
            <h3 id="template-placeholders-title">{t('templates.placeholders')}</h3>
            <dl>
              {TEMPLATE_PLACEHOLDERS.map((placeholder) => (
                <div key={placeholder}>
                  <dt>
                    <code>{`{{${placeholder}}}`}</code>
                  </dt>
                  <dd>{t(`templates.placeholder.${placeholder}`)}</dd>
                </div>
              ))}
            </dl>
            <p className="muted">{t('templates.syntax')}</p>
          </aside>
        </div>
        {problemAt('body')}
        {problemAt('form')}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="template-save">
            {busy ? t('templates.saving') : t('templates.save')}
          </button>
          <button type="button" onClick={() => onClose(null)} disabled={busy} data-testid="template-cancel">
            {t('templates.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
