import type { CasePerson, CaseSeverity, TeamRef } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import type { CaseFilter } from '../api/cases-api';
import { ChoiceField, personChoices, severityChoices, teamChoices } from './choice-field';

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
      <ChoiceField
        inline
        label={t('cases.fields.severity')}
        value={filter.severity ?? ''}
        emptyLabel={t('cases.filters.all')}
        choices={severityChoices(t)}
        onChange={(value) => onChange({ ...filter, severity: (value || undefined) as CaseSeverity | undefined })}
        testId="board-filter-severity"
      />
      <ChoiceField
        inline
        label={t('cases.fields.assignee')}
        value={filter.assigneeId ?? ''}
        emptyLabel={t('cases.filters.all')}
        choices={personChoices(people)}
        onChange={(value) => onChange({ ...filter, assigneeId: value || undefined })}
        testId="board-filter-assignee"
      />
      <ChoiceField
        inline
        label={t('cases.fields.team')}
        value={filter.teamId ?? ''}
        emptyLabel={t('cases.filters.all')}
        choices={teamChoices(teams)}
        onChange={(value) => onChange({ ...filter, teamId: value || undefined })}
        testId="board-filter-team"
      />
    </div>
  );
}
