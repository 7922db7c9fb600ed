/** Claim matching and routing (issue 10): similar cases, the bilingual glossary, team places. */
export const GLOSSARY_KINDS = ['administrative', 'agency', 'claim', 'name'] as const;
export type GlossaryKind = (typeof GLOSSARY_KINDS)[number];
/** `seeded`: Vigil's defaults; `confirmed`: added by an admin or learnt from a confirmed match. */
export type GlossaryOrigin = 'seeded' | 'confirmed';

export interface GlossaryTermView {
  id: string;
  vi: string;
  en: string;
  kind: GlossaryKind;
  origin: GlossaryOrigin;
  createdAt: string;
}

export interface CreateGlossaryTermRequest {
  vi: string;
  en: string;
  kind: GlossaryKind;
}

/** How a suggestion's score adds up: BM25 text and glossary parts plus points for shared numbers, dates and places. */
export interface MatchScoreParts {
  text: number;
  glossary: number;
  numbers: number;
  dates: number;
  places: number;
}

export interface SimilarCaseView {
  caseId: string;
  reference: string;
  title: string;
  status: string;
  severity: string;
  score: number;
  parts: MatchScoreParts;
  shared: { numbers: string[]; dates: string[]; places: string[]; concepts: string[] };
  /**
   * English ↔ Vietnamese name pairs between the two claims the glossary lacks ("Song Da" ↔ "Sông Đà"): what
   * confirming the match would teach it, for the officer to check first. Empty when both claims share a language.
   */
  candidatePairs: CreateGlossaryTermRequest[];
}

export interface SimilarCasesView {
  suggestions: SimilarCaseView[];
}

export interface ConfirmMatchRequest {
  /**
   * The term pairs the officer confirmed (the suggestion's candidatePairs they kept, and any they saw themselves),
   * added to the glossary; left out, the candidate pairs are added as found.
   */
  pairs?: CreateGlossaryTermRequest[];
}

export interface ConfirmMatchResult {
  caseId: string;
  otherCaseId: string;
  /** The glossary pairs this confirmation added. */
  addedTerms: GlossaryTermView[];
}

export interface TeamPlacesView {
  teamId: string;
  places: string[];
}

export interface SuggestedTeamsView {
  suggestions: { teamId: string; name: string; places: string[]; mentions: number }[];
}
