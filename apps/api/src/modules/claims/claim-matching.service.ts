import { Inject, Injectable } from '@nestjs/common';
import { type ConfirmMatchResult, type GlossaryTermView, type SimilarCasesView, type SuggestedTeamsView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock, ClaimGlossary, ClaimMatcher, confirmedNamePairs, type GlossaryPair, suggestOwnerTeams } from '@vigil/domain';
import { type CaseClaimText, ClaimMatchingRepository, type GlossaryTermRow, TeamsRepository } from '@vigil/persistence';

const SUGGESTIONS = 10;

/**
 * Suggests open cases about the same claim as a case or a flag, records confirmed matches (teaching the glossary
 * their name pairs) and suggests the team owning a case's places. Open cases are scored in memory after one query
 * for their texts: fine for the few thousand cases an office has open; beyond that, an index would pre-select.
 */
@Injectable()
export class ClaimMatchingService {
  constructor(
    private readonly claims: ClaimMatchingRepository,
    private readonly teams: TeamsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async similarToCase(caseId: string): Promise<SimilarCasesView> {
    const subject = await this.caseText(caseId);
    const confirmed = await this.claims.confirmedWith(caseId);
    return this.similar(subject.text, new Set([caseId, ...confirmed]));
  }

  async similarToFlag(flagId: string): Promise<SimilarCasesView> {
    const text = await this.claims.flagText(flagId);
    if (text === null) throw new VigilError('flag_not_found', `No flag ${flagId}`);
    return this.similar(text, new Set());
  }

  /**
   * The cases with an approved or published rebuttal whose claims match this case's best (closed ones too; those
   * confirmed as the same claim included: their rebuttals fit best), for the draft starter.
   */
  async similarRebuttedCases(caseId: string, limit: number): Promise<{ caseId: string; reference: string; score: number }[]> {
    const [subject, rebutted, glossary] = await Promise.all([this.caseText(caseId), this.claims.rebuttedCaseTexts(), this.claims.glossary()]);
    const matcher = new ClaimMatcher(new ClaimGlossary(glossary));
    const index = matcher.index(rebutted.map((row) => ({ id: row.id, source: 'case' as const, text: row.text })));
    const references = new Map(rebutted.map((row) => [row.id, row.reference]));
    return matcher.suggest(index, subject.text, { limit, exclude: new Set([caseId]) }).map((suggestion) => ({ caseId: suggestion.id, reference: references.get(suggestion.id)!, score: suggestion.score }));
  }

  /** Adds the officer's pairs to the glossary, or, when they named none, the name pairs the suggestion offered. */
  async confirm(caseId: string, otherCaseId: string, pairs: readonly GlossaryPair[] | undefined, userId: string): Promise<ConfirmMatchResult> {
    if (caseId === otherCaseId) throw new VigilError('claim_match_self', 'A case cannot be matched with itself', { field: 'otherId' });
    const [subject, other] = await Promise.all([this.caseText(caseId), this.caseText(otherCaseId)]);
    const glossary = new ClaimGlossary(await this.claims.glossary());
    const matcher = new ClaimMatcher(glossary);
    const [scored] = matcher.suggest(matcher.index([{ id: other.id, source: 'case', text: other.text }]), subject.text, { minScore: 0 });
    const now = this.clock.now();
    await this.claims.confirmMatch(caseId, otherCaseId, scored?.score ?? 0, userId, now);
    const addedTerms = await this.learnConfirmedPairs(pairs ?? confirmedNamePairs(subject.text, other.text, glossary), userId, now);
    return { caseId, otherCaseId, addedTerms };
  }

  /** The glossary gains the pairs an officer confirmed with a match (a case's, or a flag joining a case); known ones are skipped. */
  async learnConfirmedPairs(pairs: readonly GlossaryPair[], userId: string, at: Date): Promise<GlossaryTermView[]> {
    const added = await this.claims.addGlossaryTerms(pairs, 'confirmed', userId, at);
    return added.map(glossaryTermView);
  }

  async suggestedTeams(caseId: string): Promise<SuggestedTeamsView> {
    const subject = await this.caseText(caseId);
    const texts = [subject.text, ...(await this.claims.caseItemTexts(caseId))];
    const places = await this.claims.teamPlaces();
    const byTeam = new Map<string, string[]>();
    for (const place of places) byTeam.set(place.teamId, [...(byTeam.get(place.teamId) ?? []), place.name]);
    const suggestions = suggestOwnerTeams(texts, [...byTeam].map(([teamId, names]) => ({ teamId, places: names })));
    const named = await Promise.all(suggestions.map(async (suggestion) => ({ ...suggestion, name: (await this.teams.findById(suggestion.teamId))?.name ?? '' })));
    return { suggestions: named };
  }

  private async similar(text: string, exclude: ReadonlySet<string>): Promise<SimilarCasesView> {
    const [open, glossary] = await Promise.all([this.claims.openCaseTexts(), this.claims.glossary()]);
    const terms = new ClaimGlossary(glossary);
    const matcher = new ClaimMatcher(terms);
    const index = matcher.index(open.map((row) => ({ id: row.id, source: 'case' as const, text: row.text })));
    const byId = new Map(open.map((row) => [row.id, row]));
    const suggestions = matcher.suggest(index, text, { limit: SUGGESTIONS, exclude });
    return {
      suggestions: suggestions.map((suggestion) => {
        const row = byId.get(suggestion.id)!;
        const candidatePairs = confirmedNamePairs(text, row.text, terms);
        return { caseId: row.id, reference: row.reference, title: row.title, status: row.status, severity: row.severity, score: suggestion.score, parts: suggestion.parts, shared: suggestion.shared, candidatePairs };
      }),
    };
  }

  private async caseText(id: string): Promise<CaseClaimText> {
    const row = await this.claims.caseText(id);
    if (!row) throw new VigilError('case_not_found', `No case ${id}`);
    return row;
  }
}

export function glossaryTermView(row: GlossaryTermRow): GlossaryTermView {
  return { id: row.id, vi: row.vi, en: row.en, kind: row.kind, origin: row.origin, createdAt: row.createdAt.toISOString() };
}
