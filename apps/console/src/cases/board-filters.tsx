import { CASE_SEVERITIES, type CasePerson, type CaseSeverity, type TeamRef } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import type { CaseFilter } from '../api/cases-api';

interface BoardFiltersProps {
  filter: CaseFilter;
  people: CasePerson[];
  teams: TeamRef[];
  onChange: (filter: CaseFilter) => void;
}

export function BoardFilters({ filter, people, teams, onChange }: BoardFiltersProps) {
  const { t } = useTranslation();
  return (
    <div className="board-filters" role="group" aria-label={t('cases.filters.label')}>
      <label className="inline-field">
        <span>{t('cases.fields.severity')}</span>
        <select
          value={filter.severity ?? ''}
          onChange={(event) => onChange({ ...filter, severity: (event.target.value || undefined) as CaseSeverity | undefined })}
          data-testid="board-filter-severity"
        >
          <option value="">{t('cases.filters.all')}</option>
          {CASE_SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(`rules.severity.${severity}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('cases.fields.assignee')}</span>
        <select value={filter.assigneeId ?? ''} onChange={(event) => onChange({ ...filter, assigneeId: event.target.value || undefined })} data-testid="board-filter-assignee">
          <option value="">{t('cases.filters.all')}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('cases.fields.team')}</span>
        <select value={filter.teamId ?? ''} onChange={(event) => onChange({ ...filter, teamId: event.target.value || undefined })} data-testid="board-filter-team">
          <option value="">{t('cases.filters.all')}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
