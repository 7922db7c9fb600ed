import { syllableTokens } from '../text/syllable-tokens';
import { PhraseMatcher } from './phrase-matcher';

export interface TeamPlaces {
  teamId: string;
  places: readonly string[];
}

export interface OwnerSuggestion {
  teamId: string;
  /** The team's places the texts mention, as the team wrote them. */
  places: string[];
  /** How many times they are mentioned in all. */
  mentions: number;
}

/**
 * Teams whose places the case's texts mention (folded: "Thanh Hoa" finds "Thanh Hóa"), most mentions first: the
 * team that owns the place owns the response. A longer place wins over a shorter one inside it.
 */
export function suggestOwnerTeams(texts: readonly string[], teams: readonly TeamPlaces[]): OwnerSuggestion[] {
  // Several teams may own one place: the matcher finds the folded place, then every owner counts it.
  const matcher = new PhraseMatcher<string>();
  const owners = new Map<string, { teamId: string; place: string }[]>();
  for (const team of teams) {
    for (const place of team.places) {
      const tokens = syllableTokens(place);
      const key = tokens.join(' ');
      if (!owners.has(key)) matcher.add(tokens, key);
      owners.set(key, [...(owners.get(key) ?? []), { teamId: team.teamId, place }]);
    }
  }
  const byTeam = new Map<string, OwnerSuggestion>();
  for (const text of texts) {
    for (const key of matcher.find(syllableTokens(text))) {
      for (const { teamId, place } of owners.get(key)!) {
        const suggestion = byTeam.get(teamId) ?? { teamId, places: [], mentions: 0 };
        if (!suggestion.places.includes(place)) suggestion.places.push(place);
        suggestion.mentions += 1;
        byTeam.set(teamId, suggestion);
      }
    }
  }
  return [...byTeam.values()].sort((left, right) => right.mentions - left.mentions || left.teamId.localeCompare(right.teamId));
}
