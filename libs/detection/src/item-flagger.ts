import { Inject, Injectable } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { CLOCK, type Clock, flagPriority } from '@vigil/domain';
import { type FlagContext, type FlagMatch, FlagsRepository, MatchingInputsRepository, type RecordedFlag, SourcesRepository, type Transaction } from '@vigil/persistence';
import type { LiveEventDraft } from '@vigil/realtime';
import { AnnouncedWrites } from './announced-writes';
import { toFlagView } from './flag-view';
import { RulesCache } from './rules-cache';
import { SpikeMonitor } from './spike-monitor';

/** An item as its flag should see it: the published text, and what rules filter on. */
export interface FlaggableItem {
  id: string;
  title: string;
  text: string;
  language: string | null;
  sourceId: string;
  storyId: string | null;
}

/**
 * Matching inside the pipeline: the items a poll stored, an enrichment filled in or a watch check found edited are
 * matched against every enabled rule at once (one compiled matcher), and each match lands in its story's flag.
 */
@Injectable()
export class ItemFlagger {
  constructor(
    private readonly rules: RulesCache,
    private readonly flags: FlagsRepository,
    private readonly inputs: MatchingInputsRepository,
    private readonly sources: SourcesRepository,
    private readonly spikes: SpikeMonitor,
    private readonly announced: AnnouncedWrites,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Matches stored items by id, as stored; with no enabled rule it reads nothing. */
  async flagItems(itemIds: string[]): Promise<RecordedFlag[]> {
    if (itemIds.length === 0 || (await this.rules.current()).rules.size === 0) return [];
    return this.flag(await this.inputs.flaggableItems(itemIds));
  }

  /**
   * Matches items as the caller has them (an enrichment about to be stored, an edit just seen). Called before that
   * write, so a failure here fails the job before anything is stored and its retry matches again (flags are idempotent).
   */
  async flag(items: FlaggableItem[]): Promise<RecordedFlag[]> {
    if (items.length === 0) return [];
    const { matcher, rules } = await this.rules.current();
    if (rules.size === 0) return [];
    const tags = await this.sources.tagsByIds(items.map((item) => item.sourceId));
    const matches: FlagMatch[] = items.flatMap((item) =>
      matcher
        .match({ title: item.title, text: item.text, language: item.language, sourceId: item.sourceId, sourceTags: tags.get(item.sourceId) ?? [] })
        .map(({ ruleId, highlights }) => ({ ruleId, itemId: item.id, sourceId: item.sourceId, storyId: item.storyId, highlights })),
    );
    if (matches.length === 0) return [];
    const now = this.clock.now();
    const prioritise = (context: FlagContext) =>
      flagPriority({ severity: context.severity, sourceWeight: context.sourceWeight, velocity: context.velocity, ageMs: now.getTime() - context.firstSeenAt.getTime() });
    const { value: recorded } = await this.announced.run(async (tx) => {
      const recorded = await this.flags.recordMatches(matches, now, prioritise, new Date(now.getTime() + this.config.collection.watchIntervalMs), tx);
      return { value: recorded, events: await this.announcements(recorded, now, tx) };
    });
    if (recorded.length) {
      // An item without a story is a story of one: it cannot spike on its own.
      await this.spikes.check(matches.flatMap((match) => [{ kind: 'rule' as const, id: match.ruleId }, ...(match.storyId ? [{ kind: 'story' as const, id: match.storyId }] : [])]));
    }
    return recorded;
  }

  /**
   * A story founded around a flagged item (`found` sets its flags' story and names them) and flag.updated for each
   * of those flags, in one transaction: an officer's row follows its flag into the story as the story forms, even
   * when the item that formed it matches no rule.
   */
  async foundStory(found: (tx: Transaction) => Promise<{ storyId: string; flagIds: string[] }>): Promise<string> {
    const { value } = await this.announced.run(async (tx) => {
      const { storyId, flagIds } = await found(tx);
      const joined = flagIds.map((flagId) => ({ flagId, created: false, attached: [] }));
      return { value: storyId, events: await this.announcements(joined, this.clock.now(), tx) };
    });
    return value;
  }

  /**
   * flag.created and flag.updated on the live feed, each carrying the flag as it now stands (read in the transaction
   * that recorded it), and flag.attached for flags merged into a story's flag (so they leave every open list).
   */
  private async announcements(recorded: RecordedFlag[], now: Date, tx: Transaction): Promise<LiveEventDraft[]> {
    const drafts: LiveEventDraft[] = [];
    for (const { flagId, created, attached } of recorded) {
      for (const attachedId of attached) {
        const merged = await this.flags.findById(attachedId, now, tx);
        if (merged) drafts.push({ type: 'flag.attached', data: { flag: toFlagView(merged), byUserId: null } });
      }
      const row = await this.flags.findById(flagId, now, tx);
      if (row) drafts.push({ type: created ? 'flag.created' : 'flag.updated', data: { flag: toFlagView(row), byUserId: null } });
    }
    return drafts;
  }
}
