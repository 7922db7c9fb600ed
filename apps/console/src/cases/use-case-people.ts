import type { CasePerson, CaseSummary, TeamView } from '@vigil/contracts';
import { useMemo } from 'react';
import { listTeams } from '../api/cases-api';
import { useResource } from '../shared/use-resource';

export interface CasePeople {
  teams: TeamView[];
  /** Everyone a case may be assigned to or filtered by: the teams' members and whoever holds a case now. */
  people: CasePerson[];
}

/** Teams and the people in them; a failed read leaves the lists empty (filters and pickers then offer less). */
export function useCasePeople(cases: readonly CaseSummary[] = []): CasePeople {
  const teams = useResource(listTeams, []);
  return useMemo(() => {
    const byId = new Map<string, CasePerson>();
    for (const team of teams.data ?? []) for (const member of team.members) byId.set(member.id, member);
    for (const summary of cases) if (summary.assignee) byId.set(summary.assignee.id, summary.assignee);
    const people = [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
    return { teams: teams.data ?? [], people };
  }, [teams.data, cases]);
}
