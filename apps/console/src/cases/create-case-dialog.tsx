import { CASE_SEVERITIES, type CasePerson, type CaseSeverity, type CaseView, type TeamView } from '@vigil/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createCase } from '../api/cases-api';
import { useErrorMessage } from '../shared/error-message';
import { parseTags } from './case-tags';

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
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [claimSummary, setClaimSummary] = useState('');
  const [severity, setSeverity] = useState<CaseSeverity>('high');
  const [teamId, setTeamId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    // StrictMode runs this twice; closing in a cleanup would fire `close` and cancel at once.
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

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
          <label className="field">
            <span>{t('cases.fields.severity')}</span>
            <select value={severity} onChange={(event) => setSeverity(event.target.value as CaseSeverity)} data-testid="case-create-severity">
              {CASE_SEVERITIES.map((value) => (
                <option key={value} value={value}>
                  {t(`rules.severity.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('cases.fields.team')}</span>
            <select value={teamId} onChange={(event) => setTeamId(event.target.value)} data-testid="case-create-team">
              <option value="">{t('cases.noTeam')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('cases.fields.assignee')}</span>
            <select value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)} data-testid="case-create-assignee">
              <option value="">{t('cases.unassigned')}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </select>
          </label>
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
