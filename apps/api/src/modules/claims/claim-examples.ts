import type { ConfirmMatchResult, GlossaryTermView, SimilarCasesView, SuggestedTeamsView, TeamPlacesView } from '@vigil/contracts';

/** /api/docs examples of the claim-matching answers: a fictional dyke rumour reported in English and Vietnamese. */
const AT = '2026-11-27T03:00:00.000Z';
const CASE_ID = '8b2e4c6a-1d3f-4a5b-9c7e-0f2d4b6a8c1e';
const OTHER_CASE_ID = '4c7a9e2b-6d1f-4b3a-8e5c-2a9d7f1b3e60';
const TEAM_ID = 'a7d3e9f1-4b2c-4d6e-9a8b-1c3e5f7a9b20';

const term: GlossaryTermView = { id: 'f3b1d5e7-9a2c-4e6f-8b1d-3a5c7e9f1b42', vi: 'vỡ đê', en: 'dyke breach', kind: 'claim', origin: 'seeded', createdAt: AT };

const similar: SimilarCasesView = {
  suggestions: [
    {
      caseId: CASE_ID,
      reference: 'VG-2026-0042',
      title: 'Tin giả về vỡ đê sông Hồng',
      status: 'drafting',
      severity: 'high',
      score: 17.42,
      parts: { text: 6.31, glossary: 5.11, numbers: 2, dates: 2, places: 2 },
      shared: { numbers: ['1200'], dates: ['26/11'], places: ['Hà Nội'], concepts: ['dyke breach', 'evacuate'] },
      candidatePairs: [{ vi: 'sông Hồng', en: 'Red River', kind: 'name' }],
    },
  ],
};

const confirmed: ConfirmMatchResult = { caseId: CASE_ID, otherCaseId: OTHER_CASE_ID, addedTerms: [{ ...term, id: '2e4a6c8e-0b1d-4f3a-9c5e-7b9d1f3a5c64', vi: 'sông Hồng', en: 'Red River', kind: 'name', origin: 'confirmed' }] };

const suggestedTeams: SuggestedTeamsView = { suggestions: [{ teamId: TEAM_ID, name: 'Tổ Hà Nội', places: ['Hà Nội', 'Long Biên'], mentions: 4 }] };

const teamPlaces: TeamPlacesView = { teamId: TEAM_ID, places: ['Hà Nội', 'Long Biên'] };

export const CLAIM_EXAMPLES = {
  SimilarCasesView: similar,
  ConfirmMatchResult: confirmed,
  SuggestedTeamsView: suggestedTeams,
  GlossaryTermView: term,
  TeamPlacesView: teamPlaces,
};
