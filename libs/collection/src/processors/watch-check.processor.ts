import { Inject, Injectable } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { ItemFlagger } from '@vigil/detection';
import { CLOCK, type Clock } from '@vigil/domain';
import { EvidenceRepository, ItemsRepository, type NewItemEvent } from '@vigil/persistence';
import { JobQueue } from '@vigil/queue';
import { archiveSnapshot, textHash } from './enrich-item.processor';
import { FetchError, PoliteFetcher } from '../http';
import { ParseTaskError, ParsingPool } from '../parsing-pool';
import { ItemEventRecorder } from './item-event-recorder';

const CHECKS_PER_TICK = 100;
const GONE_STATUSES = new Set([404, 410]);

/**
 * Re-fetches watched items: a changed text is archived as a new snapshot beside the first and raised as
 * `item.changed`; a 404/410 is raised once as `item.removed`. Events are stored before anyone is told (and the
 * live feed hears of them too).
 */
@Injectable()
export class WatchCheckProcessor {
  constructor(
    private readonly items: ItemsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly itemEvents: ItemEventRecorder,
    private readonly fetcher: PoliteFetcher,
    private readonly parsing: ParsingPool,
    private readonly flagger: ItemFlagger,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Queues a check for each due item; the job id names the due time, so a tick that runs twice queues once. */
  async scheduleDue(): Promise<void> {
    const now = this.clock.now();
    // Checks stored under an earlier, longer interval are recomputed from the setting in force.
    await this.items.clampWatchChecks(new Date(now.getTime() + this.config.collection.watchIntervalMs));
    for (const item of await this.items.findWatchDue(now, CHECKS_PER_TICK)) {
      await this.queue.enqueue('check-watched-item', { itemId: item.id }, { jobId: `check-${item.id}-${item.nextCheckAt?.getTime()}` });
    }
  }

  async check({ itemId }: { itemId: string }): Promise<void> {
    const item = await this.items.findById(itemId);
    if (!item?.watched || item.removedAt) return;
    const now = this.clock.now();
    await this.items.scheduleCheck(item.id, new Date(now.getTime() + this.config.collection.watchIntervalMs));
    try {
      const page = await this.fetcher.fetch(item.url, { expect: 'html', whenHostBusy: 'defer' });
      const article = await this.parsing.extractArticle(page.text(), page.finalUrl);
      const previous = await this.evidence.latestSnapshot(item.id);
      if (previous && previous.textHash === textHash(article.text)) return;
      // An edit can make an item match a rule (or grow its flag): matched before it is archived, so a retry matches too.
      if (previous) await this.flagger.flag([{ id: item.id, title: item.title, text: article.text, language: item.language, sourceId: item.sourceId, storyId: item.storyId }]);
      const snapshot = await archiveSnapshot(this.evidence, item.id, page, article.text);
      if (previous) {
        await this.itemEvents.record(item, { kind: 'item.changed', at: now, ...describeEdit(previous.finalUrl, page.finalUrl), snapshotId: snapshot.id });
      }
    } catch (error) {
      if (error instanceof ParseTaskError) return; // the page is too big or too slow to read now: try again next time
      if (!(error instanceof FetchError)) throw error;
      if (error.status === undefined || !GONE_STATUSES.has(error.status)) return; // unreachable for now: try again next time
      await this.items.markRemoved(item.id, now);
      await this.itemEvents.record(item, {
        kind: 'item.removed',
        at: now,
        reason: 'page_gone',
        params: { httpStatus: error.status },
        detail: `The page answers HTTP ${error.status}: taken down`,
        snapshotId: null,
      });
    }
  }
}

function describeEdit(previousUrl: string, currentUrl: string): Pick<NewItemEvent, 'reason' | 'params' | 'detail'> {
  return previousUrl === currentUrl
    ? { reason: 'text_edited', params: {}, detail: 'The article text was edited' }
    : { reason: 'text_edited_moved', params: { url: currentUrl }, detail: `The article text was edited and now lives at ${currentUrl}` };
}
