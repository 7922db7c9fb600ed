import { Inject, Injectable } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { type DraftLanguage, type DraftStarter, type DraftStarterRequest, type FactView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock, draftPlainText, factSearchPhrases, isFactValidOn, officeDay, starterDocument, summarizeClaim } from '@vigil/domain';
import { CaseLinksRepository, CasesRepository, DraftTemplatesRepository, DraftsRepository, FactsRepository } from '@vigil/persistence';
import { caseNotFound } from '../cases/cases.service';
import { ClaimMatchingService } from '../claims/claim-matching.service';
import { toFactView } from '../facts/facts.service';

// The summariser shares its sentence budget among the items, so a larger case costs no more; the first linked are read.
const EVIDENCE_ITEMS = 60;
const SUMMARY_SENTENCES = 5;
const QUOTES = 3;
const FACTS = 5;
const FACTS_PER_SEARCH = 10;
const SIMILAR_CASES = 5;
const SIMILAR_REBUTTALS = 5;
const EXCERPT_CHARACTERS = 280;
const TITLE_MAX = 300;
const TITLE_PREFIX: Record<DraftLanguage, string> = { vi: 'Phản hồi: ', en: 'Response: ' };

/**
 * Builds the skeleton "New draft" starts from, storing nothing: the claim summarised from the case's evidence, its key
 * quotes, the fact-library entries about the claim (valid ones first) and the approved or published rebuttals of the
 * cases whose claims match best, in the channel's template, with every summary sentence and quote citing its item.
 */
@Injectable()
export class DraftStarterService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly links: CaseLinksRepository,
    private readonly facts: FactsRepository,
    private readonly templates: DraftTemplatesRepository,
    private readonly drafts: DraftsRepository,
    private readonly matching: ClaimMatchingService,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(request: DraftStarterRequest): Promise<DraftStarter> {
    const platform = request.platform ?? null;
    if ((request.channel === 'social_post') !== (platform !== null)) {
      throw new VigilError('draft_platform_invalid', request.channel === 'social_post' ? 'A social post names its platform' : `A ${request.channel} has no platform`, { field: 'platform' });
    }
    const subject = await this.cases.findById(request.caseId);
    if (!subject) throw caseNotFound(request.caseId);
    const now = this.clock.now();
    const claim = [subject.title, subject.claimSummary ?? ''].join(' ').trim();
    const [items, template, similarRebuttals] = await Promise.all([
      this.links.evidenceItems(subject.id, EVIDENCE_ITEMS),
      this.templates.forChannel(request.channel, request.language),
      this.similarRebuttals(subject.id),
    ]);
    const summary = summarizeClaim(claim, items, { sentences: SUMMARY_SENTENCES, quotes: QUOTES });
    const facts = await this.relevantFacts(claim, request.language, officeDay(now));
    const document = starterDocument(
      {
        language: request.language,
        caseTitle: subject.title,
        caseReference: subject.reference,
        officeName: this.config.officeName,
        date: now,
        summary: summary.sentences,
        quotes: summary.quotes,
        facts,
        items: new Map(items.map((item) => [item.id, { url: item.url, title: item.title.trim() || item.url }])),
      },
      template?.body ?? null,
    );
    return {
      title: cut(`${TITLE_PREFIX[request.language]}${subject.title}`, TITLE_MAX),
      document,
      summary: summary.sentences,
      quotes: summary.quotes.map(({ text, itemId, sourceName }) => ({ text, itemId, sourceName })),
      facts,
      similarRebuttals,
      templateId: template?.id ?? null,
    };
  }

  /**
   * The library is searched two words of the claim at a time (it matches every word of a search); a fact found by
   * more of them is about more of the claim. Facts valid today come first, the rest (expired, not yet in force) after.
   */
  private async relevantFacts(claim: string, language: DraftLanguage, today: string): Promise<FactView[]> {
    const found = new Map<string, { fact: FactView; hits: number }>();
    const searches = await Promise.all(factSearchPhrases(claim).map((q) => this.facts.search({ q, language, limit: FACTS_PER_SEARCH, offset: 0 })));
    for (const { facts } of searches) {
      for (const row of facts) {
        const known = found.get(row.id);
        if (known) known.hits += 1;
        else found.set(row.id, { fact: toFactView(row, today), hits: 1 });
      }
    }
    const valid = (fact: FactView): number => (isFactValidOn(fact, today) ? 1 : 0);
    return [...found.values()]
      .sort((a, b) => valid(b.fact) - valid(a.fact) || b.hits - a.hits || b.fact.statedOn.localeCompare(a.fact.statedOn) || a.fact.id.localeCompare(b.fact.id))
      .slice(0, FACTS)
      .map(({ fact }) => fact);
  }

  /** The approved or published drafts of the cases whose claims match this one's best, the best match first. */
  private async similarRebuttals(caseId: string): Promise<DraftStarter['similarRebuttals']> {
    const similar = await this.matching.similarRebuttedCases(caseId, SIMILAR_CASES);
    const perCase = await Promise.all(similar.map((match) => this.drafts.listByCase(match.caseId)));
    return similar
      .flatMap((match, index) =>
        perCase[index]!.filter((draft) => draft.status === 'approved' || draft.status === 'published')
          // Published first: it went out; then the most recently approved.
          .sort((a, b) => Number(b.status === 'published') - Number(a.status === 'published') || b.updatedAt.getTime() - a.updatedAt.getTime())
          .map((draft) => ({ draftId: draft.id, caseId: match.caseId, caseReference: match.reference, title: draft.title, score: match.score, excerpt: excerpt(draftPlainText(draft.document)) })),
      )
      .slice(0, SIMILAR_REBUTTALS);
  }
}

/** At most `max` characters (code points, so no emoji is split), an ellipsis marking a cut. */
function cut(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('').trimEnd()}…`;
}

function excerpt(text: string): string {
  return cut(text.replace(/\s+/g, ' ').trim(), EXCERPT_CHARACTERS);
}
