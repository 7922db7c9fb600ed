import { randomUUID } from 'node:crypto';
import type { SpikeView } from '@vigil/contracts';
import { ItemFlagger } from '@vigil/detection';
import { DataSource } from 'typeorm';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

const BUCKET_MIN = 10;

/**
 * Spike alerts (issue 9): a rule that matches a trickle of items for hours, then a burst within ten minutes, raises
 * exactly one alert, however many batches the burst arrives in and while it goes on; the test clock drives the buckets.
 * Items are stored straight into PostgreSQL and matched by the pipeline's own flagging step.
 */
describe('Detection: spike alerts', () => {
  let vigil: VigilTestApp;
  let token: string;
  let flagger: ItemFlagger;
  let db: DataSource;
  let sourceId: string;
  let counter = 0;

  beforeAll(async () => {
    vigil = await startVigil({ VIGIL_SPIKE_BUCKET_MINUTES: String(BUCKET_MIN), VIGIL_SPIKE_MIN_COUNT: '5', VIGIL_SPIKE_Z_SCORE: '3', VIGIL_SPIKE_COOLDOWN_MINUTES: '60' });
    token = await vigil.adminToken();
    flagger = vigil.app.get(ItemFlagger);
    db = vigil.app.get(DataSource);
    const source = await vigil.request<{ id: string }>('POST', '/api/sources', { token, body: { name: 'Báo Miền Trung', url: 'http://127.0.0.1:9/rss.xml', kind: 'rss', paused: true } });
    expect(source.status).toBe(201);
    sourceId = source.body.id;
    const rule = await vigil.request('POST', '/api/rules', { token, body: { name: 'Lũ quét', query: 'lũ quét', severity: 'high' } });
    expect(rule.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await vigil?.close();
  });

  /** Stores `count` new items about a flash flood at the clock's now and flags them, as a poll would. */
  async function collect(count: number): Promise<void> {
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      counter += 1;
      const title = `Lũ quét ở bản ${counter} huyện Miền Núi, nhiều nhà bị cuốn trôi`;
      const [row]: { id: string }[] = await db.query(
        `INSERT INTO items (source_id, dedupe_key, guid, url, canonical_url, title, content, text, snippet, language, fetched_at, search_title, search_text, content_hash)
         VALUES ($1, $2, $2, $3, $3, $4, $4, $4, $4, 'vi', $5, $4, $4, $6) RETURNING id`,
        [sourceId, `lu-${counter}`, `https://mientrung.example.vn/lu-${counter}.html`, title, vigil.clock.now(), randomUUID()],
      );
      ids.push(row!.id);
    }
    await flagger.flagItems(ids);
  }

  // Hours pass on the test clock between looks: a fresh sign-in each time (sessions time out when idle).
  const alerts = async () => (await vigil.request<SpikeView[]>('GET', '/api/spikes', { token: await vigil.adminToken() })).body;
  const nextBucket = () => vigil.clock.advance(BUCKET_MIN * 60_000);

  it('raises one alert for a burst far above the rule’s own trickle, and none during the trickle or while the burst goes on', async () => {
    // Six hours of one item per bucket, two now and then: the rule's normal.
    for (let bucket = 0; bucket < 36; bucket += 1) {
      nextBucket();
      await collect(bucket % 7 === 3 ? 2 : 1);
    }
    expect(await alerts()).toEqual([]);

    // Twenty items in one bucket, in four batches (four polls).
    nextBucket();
    for (let batch = 0; batch < 4; batch += 1) await collect(5);
    const raised = await alerts();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ subject: { kind: 'rule', name: 'Lũ quét' }, count: expect.any(Number) });
    expect(raised[0]!.count).toBeGreaterThanOrEqual(5);
    expect(raised[0]!.baseline).toBeLessThan(2);
    expect(raised[0]!.zScore).toBeGreaterThanOrEqual(3);

    // The burst goes on in the next buckets: the cooldown keeps it one alert.
    for (let bucket = 0; bucket < 3; bucket += 1) {
      nextBucket();
      await collect(20);
    }
    expect(await alerts()).toHaveLength(1);
  }, 120_000);
});
