import { offsetMs, TEST_EPOCH, TestClock } from './test-clock';

describe('test clock', () => {
  it('starts where it is told and runs forward at real speed', async () => {
    const clock = new TestClock(new Date('2030-01-01T00:00:00Z'));
    const first = clock.now().getTime();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = clock.now().getTime();
    expect(first).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
    expect(first).toBeLessThan(Date.parse('2030-01-01T00:00:01Z'));
    expect(second - first).toBeGreaterThanOrEqual(15);
  });

  it('jumps forward without sleeping, and never back', () => {
    const clock = new TestClock();
    const before = clock.now().getTime();
    clock.advance(3 * 3_600_000);
    expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(3 * 3_600_000);
    expect(() => clock.advance(-1)).toThrow('only moves forward');
  });

  it('places fixture dates relative to its start', () => {
    const clock = new TestClock();
    expect(clock.at('-25h45m').toISOString()).toBe('2026-11-26T01:15:00.000Z');
    expect(clock.at('+2d').getTime() - TEST_EPOCH.getTime()).toBe(2 * 86_400_000);
    expect(offsetMs('-1d2h3m')).toBe(-((24 + 2) * 60 + 3) * 60_000);
    expect(() => offsetMs('25h')).toThrow('Not a clock offset');
    expect(() => offsetMs('-')).toThrow('Not a clock offset');
  });
});
