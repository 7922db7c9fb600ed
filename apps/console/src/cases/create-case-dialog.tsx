import { type CasePerson, type CaseSeverity, type CaseView, type TeamView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createCase } from '../api/cases-api';
import { useErrorMessage } from '../shared/error-message';
import { parseTags } from './case-tags';
import { ChoiceField, personChoices, severityChoices, teamChoices } from './choice-field';
import { useModalDialog } from '../shared/use-modal-dialog';

interface CreateCaseDialogProps {
  teams: TeamView[];
  people: CasePerson[];
  /** The case opened, or nothing when cancelled. */
  onClose: (created?: CaseView) => void;
}

/** Opens a case by hand (a flag escalated from the Live screen opens one by itself). */
export function CreateCaseDialog({ teams, people, onClose }: CreateCaseDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [title, setTitle] = useState('');
  const [claimSummary, setClaimSummary] = useState('');
  const [severity, setSeverity] = useState<CaseSeverity>('high');
  const [teamId, setTeamId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('cases.create.titleRequired'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      onClose(
        await createCase({
          title: title.trim(),
          severity,
          ...(claimSummary.trim() ? { claimSummary: claimSummary.trim() } : {}),
          ...(teamId ? { teamId } : {}),
          ...(assigneeId ? { assigneeId } : {}),
          tags: parseTags(tags),
        }),
      );
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="case-create-title" onClose={() => onClose()} data-testid="case-create-dialog">
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id="case-create-title">{t('cases.create.title')}</h2>
        <label className="field">
          <span>{t('cases.fields.title')}</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={300} required autoFocus data-testid="case-create-name" />
        </label>
        <label className="field">
          <span>{t('cases.fields.claimSummary')}</span>
          <textarea value={claimSummary} onChange={(event) => setClaimSummary(event.target.value)} rows={3} maxLength={4000} data-testid="case-create-claim" />
        </label>
        <div className="form-grid">
          <ChoiceField label={t('cases.fields.severity')} value={severity} choices={severityChoices(t)} onChange={(value) => setSeverity(value as CaseSeverity)} testId="case-create-severity" />
          <ChoiceField label={t('cases.fields.team')} value={teamId} emptyLabel={t('cases.noTeam')} choices={teamChoices(teams)} onChange={setTeamId} testId="case-create-team" />
          <ChoiceField label={t('cases.fields.assignee')} value={assigneeId} emptyLabel={t('cases.unassigned')} choices={personChoices(people)} onChange={setAssigneeId} testId="case-create-assignee" />
          <label className="field">
            <span>{t('cases.fields.tags')}</span>
            <input value={tags} onChange={(event) => setTags(event.target.value)} placeholder={t('cases.fields.tagsHint')} data-testid="case-create-tags" />
          </label>
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="case-create-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={submitting} data-testid="case-create-submit">
            {submitting ? t('cases.create.submitting') : t('cases.create.submit')}
          </button>
          <button type="button" onClick={() => onClose()} disabled={submitting}>
            {t('cases.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
