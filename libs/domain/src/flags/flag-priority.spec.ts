import { flagPriority, PRIORITY_WEIGHTS } from './flag-priority';

const HOUR = 3_600_000;

describe('flagPriority', () => {
  it('puts a critical rule above a low one whatever the source', () => {
    const critical = flagPriority({ severity: 'critical', sourceWeight: 10, velocity: 1, ageMs: 0 });
    const low = flagPriority({ severity: 'low', sourceWeight: 100, velocity: 1, ageMs: 0 });
    expect(critical.priority).toBeGreaterThan(low.priority);
  });

  it('raises a story that more sources carry within the hour, and lowers one that is old news', () => {
    const base = { severity: 'high' as const, sourceWeight: 50 };
    const spreading = flagPriority({ ...base, velocity: 6, ageMs: 0 }).priority;
    const alone = flagPriority({ ...base, velocity: 1, ageMs: 0 }).priority;
    const old = flagPriority({ ...base, velocity: 1, ageMs: 48 * HOUR }).priority;
    expect(spreading).toBeGreaterThan(alone);
    expect(alone).toBeGreaterThan(old);
  });

  it('shows each factor with its weight, the contributions adding up to the priority', () => {
    const { priority, factors } = flagPriority({ severity: 'medium', sourceWeight: 80, velocity: 3, ageMs: 2 * HOUR });
    expect(factors.map((factor) => factor.name)).toEqual(['severity', 'velocity', 'source_weight', 'novelty']);
    for (const factor of factors) expect(factor.weight).toBe(PRIORITY_WEIGHTS[factor.name as keyof typeof PRIORITY_WEIGHTS]);
    expect(factors.find((factor) => factor.name === 'severity')!.value).toBe(0.4);
    expect(factors.find((factor) => factor.name === 'source_weight')!.value).toBe(0.8);
    const sum = factors.reduce((total, factor) => total + factor.contribution, 0);
    expect(Math.abs(sum - priority)).toBeLessThan(0.005);
    expect(priority).toBeGreaterThan(0);
    expect(priority).toBeLessThanOrEqual(1);
  });
});
