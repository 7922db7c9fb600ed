import { Inject, Injectable } from '@nestjs/common';
import type { DigestView } from '@vigil/contracts';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { CLOCK, type Clock, dueDigestPeriod } from '@vigil/domain';
import { type DigestRow, DigestsRepository } from '@vigil/persistence';
import { AnnouncedWrites } from './announced-writes';

/** How many flags a digest lists; its counts cover them all. */
const DIGEST_LISTED_FLAGS = 10;

/**
 * The lower tier of delivery: flags below critical are not pushed one by one to webhooks but summed up once per
 * period. Runs on every scheduler tick in any number of processes; PostgreSQL decides (the period's unique end), so
 * each period is composed and sent once, and a restart resumes where the last digest ended.
 */
@Injectable()
export class DigestComposer {
  constructor(
    private readonly digests: DigestsRepository,
    private readonly announced: AnnouncedWrites,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The digest composed now, if a period has ended since the last one; one that listed nothing is stored, not sent. */
  async composeDue(): Promise<DigestRow | null> {
    const now = this.clock.now();
    const period = dueDigestPeriod(now, this.config.digest.intervalMs, await this.digests.lastPeriodEnd());
    if (!period) return null;
    const { value } = await this.announced.run(async (tx) => {
      const digest = await this.digests.compose(period.start, period.end, DIGEST_LISTED_FLAGS, now, tx);
      return { value: digest, events: digest && digest.flagCount > 0 ? [{ type: 'digest.ready' as const, data: toDigestView(digest) }] : [] };
    });
    return value;
  }
}

export function toDigestView(row: DigestRow): DigestView {
  return {
    id: row.id,
    periodStart: new Date(row.periodStart).toISOString(),
    periodEnd: new Date(row.periodEnd).toISOString(),
    flagCount: row.flagCount,
    bySeverity: row.bySeverity,
    flags: row.flags,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
