import { Inject, Injectable } from '@nestjs/common';
import type { DraftChecks } from '@vigil/contracts';
import { CLOCK, type Clock, channelLimitOf, isFactExpired, officeDay, runDraftChecks } from '@vigil/domain';
import { type DraftRow, DraftsRepository, FactsRepository } from '@vigil/persistence';
import { ChannelLimitsService } from './channel-limits.service';

/** The pre-approval checks of a draft's latest version, with its citations looked up in the database. */
@Injectable()
export class DraftChecksService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly facts: FactsRepository,
    private readonly limits: ChannelLimitsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(draft: DraftRow): Promise<DraftChecks> {
    const targets = (kind: 'item' | 'fact') => [...new Set(draft.document.citations.filter((citation) => citation.kind === kind && citation.targetId).map((citation) => citation.targetId!))];
    const today = officeDay(this.clock.now());
    const [items, facts, limits] = await Promise.all([this.drafts.citedItems(targets('item')), this.facts.findByIds(targets('fact')), this.limits.current()]);
    const resolution = { items, facts: new Map(facts.map((fact) => [fact.id, { expired: isFactExpired(fact, today) }])) };
    const { passed, checks } = runDraftChecks({ document: draft.document, lengthLimit: channelLimitOf(limits, draft.channel, draft.platform), resolution });
    return { version: draft.version, passed, checks };
  }
}
