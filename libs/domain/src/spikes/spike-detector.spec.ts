import { DEFAULT_SPIKE_THRESHOLDS, detectSpike } from './spike-detector';

describe('detectSpike', () => {
  it('raises a burst far above a quiet baseline', () => {
    const verdict = detectSpike([1, 0, 2, 1, 0, 1, 1, 0, 2, 1, 14]);
    expect(verdict).toMatchObject({ spike: true, count: 14 });
    expect(verdict.baseline).toBeLessThan(2);
    expect(verdict.zScore).toBeGreaterThanOrEqual(DEFAULT_SPIKE_THRESHOLDS.zScore);
  });

  it('measures each series against its own normal: fifty-five is no spike for a rule that always sees fifty', () => {
    const busy = [48, 52, 50, 47, 53, 49, 51, 50, 52, 48, 55];
    expect(detectSpike(busy).spike).toBe(false);
    expect(detectSpike([...busy.slice(0, -1), 90]).spike).toBe(true);
  });

  it('needs the minimum count, however flat the history', () => {
    expect(detectSpike([0, 0, 0, 0, 0, 0, 3]).spike).toBe(false);
    expect(detectSpike([0, 0, 0, 0, 0, 0, 5]).spike).toBe(true);
    expect(detectSpike([0, 0, 0, 0, 0, 0, 5], { ...DEFAULT_SPIKE_THRESHOLDS, minCount: 8 }).spike).toBe(false);
  });

  it('does not call a steady climb a spike once the baseline has followed it', () => {
    const climb = Array.from({ length: 30 }, (_, hour) => 5 + hour);
    expect(detectSpike(climb).spike).toBe(false);
  });

  it('copes with no history at all', () => {
    expect(detectSpike([])).toMatchObject({ spike: false, count: 0 });
    expect(detectSpike([7]).count).toBe(7);
  });
});
