import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import type { FlagPage, LiveEventPage } from '@vigil/contracts';
import { ItemFlagger } from '@vigil/detection';
import { LiveEventsRepository, type NewLiveEvent, type Transaction } from '@vigil/persistence';
import { DataSource } from 'typeorm';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

/**
 * A flag and the live event that announces it commit together (issue 9, "stored before sent; nothing lost"): when
 * the process fails right after both are written but before the commit, neither is kept, and the retry raises the
 * flag and its event once. A triage step likewise: a claim whose event could not be stored did not happen.
 */
describe('Detection: a flag and its live event in one transaction', () => {
  let vigil: VigilTestApp;
  let token: string;
  let db: DataSource;
  let events: LiveEventsRepository;
  let sourceId: string;

  beforeAll(async () => {
    vigil = await startVigil();
    token = await vigil.adminToken();
    db = vigil.app.get(DataSource);
    events = vigil.app.get(LiveEventsRepository);
    const source = await vigil.request<{ id: string }>('POST', '/api/sources', { token, body: { name: 'Báo Đồng Bằng', url: 'http://127.0.0.1:9/rss.xml', kind: 'rss', paused: true } });
    expect(source.status).toBe(201);
    sourceId = source.body.id;
    const rule = await vigil.request('POST', '/api/rules', { token, body: { name: 'Sạt lở bờ sông', query: '"sạt lở"', severity: 'high' } });
    expect(rule.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await vigil?.close();
  });

  async function storeItem(title: string): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO items (source_id, dedupe_key, guid, url, canonical_url, title, content, text, snippet, language, fetched_at, search_title, search_text, content_hash)
       VALUES ($1, $2, $2, $3, $3, $4, $4, $4, $4, 'vi', $5, $4, $4, $6) RETURNING id`,
      [sourceId, randomUUID(), `https://dongbang.example.vn/${randomUUID()}.html`, title, vigil.clock.now(), randomUUID()],
    );
    return row!.id;
  }

  /** The next append writes its events, then the process "fails" before the transaction commits. */
  function failAfterNextAppend(): void {
    const append = events.append.bind(events);
    jest.spyOn(events, 'append').mockImplementationOnce(async (drafts: readonly NewLiveEvent[], tx?: Transaction) => {
      await append(drafts, tx);
      throw new Error('the process stopped before the commit');
    });
  }

  const flagEvents = async () => (await vigil.request<LiveEventPage>('GET', '/api/events?after=0&limit=500', { token })).body.events.filter((event) => event.type.startsWith('flag.'));
  const openFlags = async () => (await vigil.request<FlagPage>('GET', '/api/flags?status=open', { token })).body;

  it('keeps neither the flag nor its event when the commit does not happen, and raises both once on the retry', async () => {
    const itemId = await storeItem('Sạt lở bờ sông Tiền, ba hộ dân phải di dời khẩn cấp');
    const flagger = vigil.app.get(ItemFlagger);
    failAfterNextAppend();
    await expect(flagger.flagItems([itemId])).rejects.toThrow('the process stopped before the commit');
    expect((await openFlags()).total).toBe(0);
    expect(await flagEvents()).toEqual([]);
    const [watched]: { watched: boolean }[] = await db.query(`SELECT watched FROM items WHERE id = $1`, [itemId]);
    expect(watched!.watched).toBe(false);

    // The job's retry matches again: one flag, announced once.
    const recorded = await flagger.flagItems([itemId]);
    expect(recorded).toEqual([expect.objectContaining({ created: true })]);
    const flags = await openFlags();
    expect(flags.total).toBe(1);
    const announced = await flagEvents();
    expect(announced.map((event) => event.type)).toEqual(['flag.created']);
    expect(announced[0]!.data).toMatchObject({ flag: { id: flags.flags[0]!.id, itemCount: 1 } });
  });

  it('does not claim a flag whose flag.claimed event could not be stored, and claims it with its event on the retry', async () => {
    const [flag] = (await openFlags()).flags;
    failAfterNextAppend();
    const failed = await vigil.request('POST', `/api/flags/${flag!.id}/claim`, { token });
    expect(failed.status).toBe(500);
    expect((await openFlags()).flags[0]!.claimedBy).toBeNull();
    expect((await flagEvents()).map((event) => event.type)).toEqual(['flag.created']);

    const claimed = await vigil.request<{ claimedBy: { displayName: string } | null }>('POST', `/api/flags/${flag!.id}/claim`, { token });
    expect(claimed.status).toBe(200);
    expect(claimed.body.claimedBy).not.toBeNull();
    const types = (await flagEvents()).map((event) => event.type);
    expect(types).toEqual(['flag.created', 'flag.claimed']);
    const { actions } = (await vigil.request<{ actions: { action: string }[] }>('GET', `/api/flags/${flag!.id}`, { token })).body;
    expect(actions.map((action) => action.action)).toEqual(['created', 'claimed']);
  });
});
