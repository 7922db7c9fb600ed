import { type CreateFactRequest, type DraftLanguage, type FactView, type UpdateFactRequest } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { createFact, updateFact } from '../api/facts-api';
import { DraftLanguageField } from '../shared/draft-choice-fields';
import { useErrorMessage } from '../shared/error-message';
import { useModalDialog } from '../shared/use-modal-dialog';

interface FactEditorDialogProps {
  /** The fact being edited; absent for a new one. */
  fact?: FactView;
  /** `saved` is null when the dialog was cancelled or nothing had changed. */
  onClose: (saved: FactView | null) => void;
}

interface FactDraft {
  statement: string;
  sourceName: string;
  sourceUrl: string;
  statedOn: string;
  validFrom: string;
  validUntil: string;
  /** Comma-separated, as typed. */
  tags: string;
  language: DraftLanguage;
}

/** Fields the API may name in a validation_failed answer, each with its label in this form. */
const FIELDS = ['statement', 'sourceName', 'sourceUrl', 'statedOn', 'validFrom', 'validUntil', 'tags', 'language'] as const;
type FactField = (typeof FIELDS)[number];

function isFactField(field: string | undefined): field is FactField {
  return FIELDS.some((known) => known === field);
}

function draftOf(fact: FactView | undefined): FactDraft {
  return {
    statement: fact?.statement ?? '',
    sourceName: fact?.sourceName ?? '',
    sourceUrl: fact?.sourceUrl ?? '',
    statedOn: fact?.statedOn ?? '',
    validFrom: fact?.validFrom ?? '',
    validUntil: fact?.validUntil ?? '',
    tags: fact?.tags.join(', ') ?? '',
    language: fact?.language ?? 'vi',
  };
}

/** The request the draft stands for: empty optional fields mean none (validFrom then defaults to statedOn). */
function requestOf(draft: FactDraft): CreateFactRequest {
  return {
    statement: draft.statement,
    sourceName: draft.sourceName,
    sourceUrl: draft.sourceUrl.trim() || null,
    statedOn: draft.statedOn,
    ...(draft.validFrom ? { validFrom: draft.validFrom } : {}),
    validUntil: draft.validUntil || null,
    tags: draft.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    language: draft.language,
  };
}

/** Only what the writer changed, so an edit never rewrites fields it did not touch. */
function changesOf(request: CreateFactRequest, fact: FactView): UpdateFactRequest {
  const before = requestOf(draftOf(fact));
  return Object.fromEntries(Object.entries(request).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof CreateFactRequest])));
}

/** A modal form to add a fact to the library or correct one; refusals are shown by their translated code. */
export function FactEditorDialog({ fact, onClose }: FactEditorDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [draft, setDraft] = useState<FactDraft>(() => draftOf(fact));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (changes: Partial<FactDraft>) => setDraft((current) => ({ ...current, ...changes }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const request = requestOf(draft);
    const changes = fact ? changesOf(request, fact) : null;
    if (fact && changes && Object.keys(changes).length === 0) {
      onClose(null);
      return;
    }
    setBusy(true);
    try {
      onClose(fact && changes ? await updateFact(fact.id, changes) : await createFact(request));
    } catch (caught) {
      const field = caught instanceof ApiError && caught.code === 'validation_failed' && isFactField(caught.field) ? caught.field : null;
      setError(field ? t('validation.field', { field: t(`facts.fields.${field}`) }) : errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog fact-editor" aria-labelledby="fact-editor-title" onClose={() => onClose(null)} data-testid="fact-editor">
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id="fact-editor-title">{fact ? t('facts.editor.editTitle') : t('facts.editor.createTitle')}</h2>
        <label className="field">
          <span>{t('facts.fields.statement')}</span>
          <textarea value={draft.statement} onChange={(event) => change({ statement: event.target.value })} rows={4} maxLength={4000} data-testid="fact-statement-input" />
        </label>
        <div className="form-grid">
          <label className="field">
            <span>{t('facts.fields.sourceName')}</span>
            <input value={draft.sourceName} onChange={(event) => change({ sourceName: event.target.value })} maxLength={300} data-testid="fact-source-name" />
          </label>
          <label className="field">
            <span>{t('facts.fields.sourceUrl')}</span>
            <input type="url" value={draft.sourceUrl} onChange={(event) => change({ sourceUrl: event.target.value })} maxLength={2000} data-testid="fact-source-url" />
          </label>
        </div>
        <div className="form-grid fact-dates">
          <label className="field">
            <span>{t('facts.fields.statedOn')}</span>
            <input type="date" value={draft.statedOn} onChange={(event) => change({ statedOn: event.target.value })} data-testid="fact-stated-on" />
          </label>
          <label className="field">
            <span>{t('facts.fields.validFrom')}</span>
            <input type="date" value={draft.validFrom} onChange={(event) => change({ validFrom: event.target.value })} data-testid="fact-valid-from" />
          </label>
          <label className="field">
            <span>{t('facts.fields.validUntil')}</span>
            <input type="date" value={draft.validUntil} onChange={(event) => change({ validUntil: event.target.value })} data-testid="fact-valid-until" />
          </label>
        </div>
        <p className="muted">{t('facts.editor.datesHint')}</p>
        <div className="form-grid">
          <label className="field">
            <span>{t('facts.fields.tags')}</span>
            <input value={draft.tags} onChange={(event) => change({ tags: event.target.value })} placeholder={t('facts.editor.tagsHint')} data-testid="fact-tags-input" />
          </label>
          <DraftLanguageField label={t('facts.fields.language')} value={draft.language} onChange={(language) => change({ language })} testId="fact-language" />
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="fact-editor-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="fact-save">
            {busy ? t('facts.editor.saving') : t('facts.editor.save')}
          </button>
          <button type="button" onClick={() => onClose(null)} disabled={busy} data-testid="fact-cancel">
            {t('facts.editor.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
