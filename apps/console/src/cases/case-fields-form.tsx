import { type CasePerson, type CaseSeverity, type CaseView, type TeamView, type UpdateCaseRequest } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateCase } from '../api/cases-api';
import { useErrorMessage } from '../shared/error-message';
import { parseTags } from './case-tags';
import { ChoiceField, personChoices, severityChoices, teamChoices } from './choice-field';

interface CaseFieldsFormProps {
  view: CaseView;
  teams: TeamView[];
  people: CasePerson[];
  /** False: severity, team and assignee are shown, not editable (the API would answer 403); title, claim and tags are everyone's. */
  canAssign: boolean;
  onSaved: (view: CaseView) => void;
}

interface Draft {
  title: string;
  claimSummary: string;
  severity: CaseSeverity;
  assigneeId: string;
  teamId: string;
  tags: string;
}

function draftOf(view: CaseView): Draft {
  return {
    title: view.title,
    claimSummary: view.claimSummary ?? '',
    severity: view.severity,
    assigneeId: view.assignee?.id ?? '',
    teamId: view.team?.id ?? '',
    tags: view.tags.join(', '),
  };
}

/** Only what changed is sent: a PATCH of one field cannot overwrite another user's edit of another. */
function changesOf(view: CaseView, draft: Draft): UpdateCaseRequest {
  const before = draftOf(view);
  const changes: UpdateCaseRequest = {};
  if (draft.title.trim() !== before.title) changes.title = draft.title.trim();
  if (draft.claimSummary.trim() !== before.claimSummary) changes.claimSummary = draft.claimSummary.trim() || null;
  if (draft.severity !== before.severity) changes.severity = draft.severity;
  if (draft.assigneeId !== before.assigneeId) changes.assigneeId = draft.assigneeId || null;
  if (draft.teamId !== before.teamId) changes.teamId = draft.teamId || null;
  const tags = parseTags(draft.tags);
  if (tags.join('\n') !== view.tags.join('\n')) changes.tags = tags;
  return changes;
}

export function CaseFieldsForm({ view, teams, people, canAssign, onSaved }: CaseFieldsFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState(() => draftOf(view));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const changes = changesOf(view, draft);
  const dirty = Object.keys(changes).length > 0;
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [field]: value }));
  };
  // The current holder stays listed even when no team lists them.
  const choices = view.assignee && !people.some((person) => person.id === view.assignee?.id) ? [view.assignee, ...people] : people;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dirty) return;
    if (!draft.title.trim()) {
      setError(t('cases.create.titleRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await updateCase(view.id, changes);
      setDraft(draftOf(updated));
      setSaved(true);
      onSaved(updated);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form case-fields" onSubmit={handleSubmit} data-testid="case-fields">
      <fieldset disabled={busy} className="form-grid">
        <label className="field case-field-wide">
          <span>{t('cases.fields.title')}</span>
          <input value={draft.title} onChange={(event) => set('title', event.target.value)} maxLength={300} data-testid="case-field-title" />
        </label>
        <label className="field case-field-wide">
          <span>{t('cases.fields.claimSummary')}</span>
          <textarea value={draft.claimSummary} onChange={(event) => set('claimSummary', event.target.value)} rows={3} maxLength={4000} data-testid="case-field-claim" />
        </label>
        <ChoiceField
          label={t('cases.fields.severity')}
          value={draft.severity}
          choices={severityChoices(t)}
          disabled={!canAssign}
          onChange={(value) => set('severity', value as CaseSeverity)}
          testId="case-field-severity"
        />
        <ChoiceField
          label={t('cases.fields.team')}
          value={draft.teamId}
          emptyLabel={t('cases.noTeam')}
          choices={teamChoices(teams)}
          disabled={!canAssign}
          onChange={(value) => set('teamId', value)}
          testId="case-field-team"
        />
        <ChoiceField
          label={t('cases.fields.assignee')}
          value={draft.assigneeId}
          emptyLabel={t('cases.unassigned')}
          choices={personChoices(choices)}
          disabled={!canAssign}
          onChange={(value) => set('assigneeId', value)}
          testId="case-field-assignee"
        />
        <label className="field">
          <span>{t('cases.fields.tags')}</span>
          <input value={draft.tags} onChange={(event) => set('tags', event.target.value)} placeholder={t('cases.fields.tagsHint')} data-testid="case-field-tags" />
        </label>
      </fieldset>
      {error && (
        <p className="form-error" role="alert" data-testid="case-fields-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!dirty || busy} data-testid="case-fields-save">
          {t('cases.fields.save')}
        </button>
        {saved && !dirty && (
          <span className="muted small" role="status" data-testid="case-fields-saved">
            {t('cases.fields.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
