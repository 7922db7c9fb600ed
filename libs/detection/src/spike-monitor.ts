import { Inject, Injectable } from '@nestjs/common';
import type { SpikeView } from '@vigil/contracts';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { CLOCK, type Clock, DEFAULT_SPIKE_THRESHOLDS, detectSpike } from '@vigil/domain';
import { type SpikeAlertRow, type SpikeSubject, SpikesRepository } from '@vigil/persistence';
import { AnnouncedWrites } from './announced-writes';

/**
 * Spike alerts per rule and per story: each time flagged items arrive, the subject's counts in time buckets are read
 * from PostgreSQL (so every process sees the same series, and a restart loses nothing) and the current bucket is
 * compared with its own baseline. A cooldown makes one burst raise one alert, not a storm.
 */
@Injectable()
export class SpikeMonitor {
  constructor(
    private readonly spikes: SpikesRepository,
    private readonly announced: AnnouncedWrites,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The alerts raised now for these subjects (usually none). */
  async check(subjects: SpikeSubject[]): Promise<SpikeAlertRow[]> {
    const { bucketMs, historyBuckets, zScore, minCount, cooldownMs } = this.config.spikes;
    const now = this.clock.now();
    const raised: SpikeAlertRow[] = [];
    const unique = new Map(subjects.map((subject) => [`${subject.kind}:${subject.id}`, subject]));
    for (const subject of unique.values()) {
      const { counts, currentBucketStart } = await this.spikes.bucketCounts(subject, bucketMs, historyBuckets + 1, now);
      const verdict = detectSpike(counts, { ...DEFAULT_SPIKE_THRESHOLDS, zScore, minCount });
      if (!verdict.spike) continue;
      // The alert and its spike.detected event commit together: one alert, announced once.
      const { value: alert } = await this.announced.run(async (tx) => {
        const alert = await this.spikes.recordAlert({ subject, bucketStart: currentBucketStart, count: verdict.count, baseline: verdict.baseline, zScore: verdict.zScore, detectedAt: now }, cooldownMs, tx);
        const events = alert ? [{ type: 'spike.detected' as const, data: toSpikeView({ ...alert, subjectName: await this.spikes.subjectName(alert, tx) }) }] : [];
        return { value: alert, events };
      });
      if (alert) raised.push(alert);
    }
    return raised;
  }
}

/** A spike alert as the API and the live feed show it. */
export function toSpikeView(alert: SpikeAlertRow & { subjectName: string }): SpikeView {
  return {
    id: alert.id,
    subject: { kind: alert.subjectKind, id: alert.subjectId, name: alert.subjectName },
    bucketStart: alert.bucketStart.toISOString(),
    count: alert.count,
    baseline: alert.baseline,
    zScore: alert.zScore,
    detectedAt: alert.detectedAt.toISOString(),
  };
}
