import { SEVERITIES, type RulePreview, type RuleView, type Severity } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { createRule, previewRule, updateRule } from '../api/rules-api';
import { useErrorMessage } from '../shared/error-message';
import { draftFromRule, emptyDraft, toCreateRequest, toUpdateRequest, type RuleDraft } from './rule-draft';
import { RulePreviewResult } from './rule-preview-result';
import { RuleQueryField, type QuerySyntaxProblem } from './rule-query-field';
import { useModalDialog } from '../shared/use-modal-dialog';

interface RuleEditorDialogProps {
  /** The rule being edited; absent for a new one. */
  rule?: RuleView;
  /** Prefills a new rule (e.g. from a search); ignored when editing. */
  initial?: Partial<RuleDraft>;
  /** `saved` is null when the dialog was cancelled or nothing had changed. */
  onClose: (saved: RuleView | null) => void;
}

/** Fields the API may name in a validation_failed answer, with their label in this form. */
const FIELDS = ['name', 'query', 'severity', 'ownerTeam', 'description', 'enabled'] as const;
type RuleField = (typeof FIELDS)[number];

function isRuleField(field: string | undefined): field is RuleField {
  return FIELDS.some((known) => known === field);
}

/** A modal form: create or edit a rule, and test its query on the last days before saving. */
export function RuleEditorDialog({ rule, initial, onClose }: RuleEditorDialogProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftFromRule(rule) : emptyDraft(initial)));
  const [problem, setProblem] = useState<QuerySyntaxProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'preview' | null>(null);
  const [preview, setPreview] = useState<{ query: string; result: RulePreview } | null>(null);

  function change(changes: Partial<RuleDraft>) {
    setDraft((current) => ({ ...current, ...changes }));
    // The offset no longer points at the same character once the query is edited.
    if (changes.query !== undefined) setProblem(null);
  }

  /** A syntax error goes under the query field, with its place; anything else above the buttons. */
  function showError(caught: unknown) {
    if (caught instanceof ApiError && caught.code === 'rule_syntax_invalid') {
      const reasonKey = `rules.syntaxReason.${caught.details?.reason ?? ''}`;
      const reason = i18n.exists(reasonKey) ? t(reasonKey as 'rules.syntaxReason.empty') : '';
      setProblem({ position: caught.details?.position ?? 0, message: reason ? `${errorMessage(caught)} ${reason}` : errorMessage(caught) });
      return;
    }
    if (caught instanceof ApiError && caught.code === 'validation_failed' && isRuleField(caught.field)) {
      setError(t('validation.field', { field: t(`rules.fields.${caught.field}`) }));
      return;
    }
    setError(errorMessage(caught));
  }

  function check(forSave: boolean): boolean {
    setError(null);
    if (forSave && !draft.name.trim()) {
      setError(t('rules.editor.nameRequired'));
      return false;
    }
    if (!draft.query.trim()) {
      setError(t('rules.editor.queryRequired'));
      return false;
    }
    return true;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!check(true)) return;
    const changes = rule ? toUpdateRequest(draft, rule) : null;
    if (rule && changes && Object.keys(changes).length === 0) {
      onClose(null);
      return;
    }
    setBusy('save');
    setProblem(null);
    try {
      onClose(rule && changes ? await updateRule(rule.id, changes) : await createRule(toCreateRequest(draft)));
    } catch (caught) {
      showError(caught);
      setBusy(null);
    }
  }

  async function handlePreview() {
    if (!check(false)) return;
    const query = draft.query;
    setBusy('preview');
    setProblem(null);
    try {
      setPreview({ query, result: await previewRule(query) });
    } catch (caught) {
      setPreview(null);
      showError(caught);
    } finally {
      setBusy(null);
    }
  }

  const title = rule ? t('rules.editor.editTitle', { name: rule.name }) : t('rules.editor.createTitle');
  return (
    <dialog ref={dialog} className="dialog rule-editor" aria-labelledby="rule-editor-title" onClose={() => onClose(null)} data-testid="rule-editor">
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id="rule-editor-title">{title}</h2>
        <label className="field">
          <span>{t('rules.fields.name')}</span>
          <input value={draft.name} onChange={(event) => change({ name: event.target.value })} maxLength={200} required data-testid="rule-name" />
        </label>
        <RuleQueryField value={draft.query} onChange={(query) => change({ query })} problem={problem} />
        <div className="form-grid">
          <label className="field">
            <span>{t('rules.fields.severity')}</span>
            <select value={draft.severity} onChange={(event) => change({ severity: event.target.value as Severity })} data-testid="rule-severity-select">
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {t(`rules.severity.${severity}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('rules.fields.ownerTeam')}</span>
            <input value={draft.ownerTeam} onChange={(event) => change({ ownerTeam: event.target.value })} maxLength={100} data-testid="rule-owner-team" />
          </label>
        </div>
        <label className="field">
          <span>{t('rules.fields.description')}</span>
          <textarea value={draft.description} onChange={(event) => change({ description: event.target.value })} rows={2} maxLength={2000} data-testid="rule-description" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.enabled} onChange={(event) => change({ enabled: event.target.checked })} data-testid="rule-enabled" />
          {t('rules.fields.enabledLong')}
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="rule-editor-error">
            {error}
          </p>
        )}
        <div className="form-actions rule-editor-actions">
          <button type="submit" className="primary" disabled={busy !== null} data-testid="rule-save">
            {busy === 'save' ? t('rules.editor.saving') : t('rules.editor.save')}
          </button>
          <button type="button" onClick={() => void handlePreview()} disabled={busy !== null} data-testid="rule-preview-run">
            {busy === 'preview' ? t('rules.preview.running') : t('rules.preview.run')}
          </button>
          <button type="button" onClick={() => onClose(null)} disabled={busy === 'save'} data-testid="rule-cancel">
            {t('rules.editor.cancel')}
          </button>
        </div>
        <div className="busy-region rule-preview-region" aria-busy={busy === 'preview'}>
          {preview && <RulePreviewResult preview={preview.result} stale={preview.query !== draft.query} />}
        </div>
      </form>
    </dialog>
  );
}
