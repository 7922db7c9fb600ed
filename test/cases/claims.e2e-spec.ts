import { randomUUID } from 'node:crypto';
import type { ConfirmMatchResult, GlossaryTermView, SimilarCasesView, SuggestedTeamsView, TeamPlacesView } from '@vigil/contracts';
import { TestClock } from '@vigil/testing';
import { DataSource } from 'typeorm';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

/**
 * Claim matching and routing (issue 10) through the API: a flag typed without diacritics finds the accented case,
 * an English claim finds the Vietnamese case through the glossary, a confirmed match teaches the glossary, and a
 * case mentioning a team's places suggests that team. Cases, items and flags are written straight into the database
 * (fictional news), as the collection and case components would have.
 */
describe('Claims: similar cases, the glossary and owner teams', () => {
  let vigil: VigilTestApp;
  let db: DataSource;
  let admin: string;
  let sourceId: string;
  let ruleId: string;
  let counter = 0;
  const api = <T>(method: string, path: string, body?: unknown, token = admin) => vigil.request<T>(method, path, { token, body });

  const item = async (title: string, text: string, language: 'vi' | 'en' = 'vi'): Promise<string> => {
    counter += 1;
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO items (source_id, dedupe_key, guid, url, canonical_url, title, content, text, snippet, language, fetched_at, published_at, search_title, search_text, content_hash)
       VALUES ($1, $2, $2, $3, $3, $4, $5, $5, $5, $6, $7, $7, $4, $5, $8) RETURNING id`,
      [sourceId, `claim-item-${counter}`, `https://tin.example.vn/claim-${counter}.html`, title, text, language, vigil.clock.now(), randomUUID()],
    );
    return row!.id;
  };
  const flag = async (itemId: string): Promise<string> => {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO flags (rule_id, story_key, first_item_id, latest_item_id, priority, priority_factors, created_at, updated_at)
       VALUES ($1, $2, $3, $3, 0.8, '[]', $4, $4) RETURNING id`,
      [ruleId, randomUUID(), itemId, vigil.clock.now()],
    );
    return row!.id;
  };
  const openCase = async (title: string, claimSummary: string, itemIds: string[] = []): Promise<string> => {
    counter += 1;
    const now = vigil.clock.now();
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO cases (reference, title, claim_summary, severity, created_at, updated_at, status_changed_at) VALUES ($1, $2, $3, 'high', $4, $4, $4) RETURNING id`,
      [`VG-2026-${8000 + counter}`, title, claimSummary, now],
    );
    for (const itemId of itemIds) await db.query(`INSERT INTO case_links (case_id, kind, target_id, added_at) VALUES ($1, 'item', $2, $3)`, [row!.id, itemId, now]);
    return row!.id;
  };

  let vaccineCase: string;
  let floodCase: string;
  let feeCase: string;

  beforeAll(async () => {
    vigil = await startVigil({}, { clock: new TestClock() });
    db = vigil.app.get(DataSource);
    admin = await vigil.adminToken();
    const [source]: { id: string }[] = await db.query(
      `INSERT INTO sources (name, url, kind, poll_interval_sec, configured_poll_interval_sec, min_poll_interval_sec, max_poll_interval_sec, paused)
       VALUES ('Báo Sông Lam', 'https://song-lam.example.vn/rss.xml', 'rss', 900, 900, 300, 3600, true) RETURNING id`,
    );
    sourceId = source!.id;
    const [rule]: { id: string }[] = await db.query(`INSERT INTO watch_rules (name, query, severity, created_at, updated_at) VALUES ('Tin đồn', 'tin', 'high', $1, $1) RETURNING id`, [vigil.clock.now()]);
    ruleId = rule!.id;
    vaccineCase = await openCase('Tin đồn thiếu vắc-xin ở Đà Nẵng', 'Bộ Y tế bác bỏ tin thiếu vắc-xin tại Đà Nẵng, 1.000 liều đã được chuyển đến ngày 12/3');
    floodCase = await openCase('Lũ lụt ở Thanh Hóa', '35 người tử vong vì lũ lụt ở Thanh Hóa');
    feeCase = await openCase('Học phí Nghệ An', 'Nghệ An tăng học phí lên 300.000 đồng mỗi tháng', [await item('Phụ huynh Nghệ An lo học phí tăng', 'Nhiều trường ở Vinh, Nghệ An thông báo học phí mới.')]);
  }, 90_000);

  afterAll(async () => {
    await vigil?.close();
  });

  it('suggests the accented case for a flag whose Vietnamese text was typed without diacritics, with the parts of its score', async () => {
    const flagId = await flag(await item('Bo Y te bac bo tin thieu vac xin tai Da Nang', 'Ngay 12/3 da co 1000 lieu vac xin duoc chuyen den Da Nang.'));
    const similar = await api<SimilarCasesView>('GET', `/api/flags/${flagId}/similar-cases`);
    expect(similar.status).toBe(200);
    const [best] = similar.body.suggestions;
    expect(best).toMatchObject({ caseId: vaccineCase, title: 'Tin đồn thiếu vắc-xin ở Đà Nẵng', status: 'new', severity: 'high', shared: { numbers: ['1000'], dates: ['12/3'], places: ['Đà Nẵng'] } });
    expect(best!.parts.text).toBeGreaterThan(0);
    expect(best!.score).toBeCloseTo(best!.parts.text + best!.parts.glossary + best!.parts.numbers + best!.parts.dates + best!.parts.places, 2);
    expect(similar.body.suggestions.map((suggestion) => suggestion.caseId)).not.toContain(feeCase);

    const missing = await api<{ code: string }>('GET', `/api/flags/${randomUUID()}/similar-cases`);
    expect(missing).toMatchObject({ status: 404, body: { code: 'flag_not_found' } });
  });

  it('matches an English claim to the Vietnamese case through the glossary, and a confirmed match teaches it names', async () => {
    const english = await openCase('Flood deaths in Thanh Hoa', 'Floods killed 35 people in Thanh Hoa near Songma river, officials say');
    const similar = await api<SimilarCasesView>('GET', `/api/cases/${english}/similar`);
    expect(similar.status).toBe(200);
    const [best] = similar.body.suggestions;
    expect(best).toMatchObject({ caseId: floodCase, shared: { numbers: ['35'], places: ['Thanh Hóa'] } });
    expect(best!.parts.glossary).toBeGreaterThan(0);
    expect(best!.shared.concepts).toEqual(expect.arrayContaining(['flood', 'deaths']));
    // What confirming would teach the glossary, for the officer to check: the name spelt both ways.
    expect(best!.candidatePairs).toEqual(expect.arrayContaining([{ vi: 'Thanh Hóa', en: 'Thanh Hoa', kind: 'name' }]));

    await db.query(`UPDATE cases SET claim_summary = claim_summary || ' gần sông Mã' WHERE id = $1`, [floodCase]);
    const confirmed = await api<ConfirmMatchResult>('POST', `/api/cases/${english}/similar/${floodCase}/confirm`, { pairs: [...best!.candidatePairs, { vi: 'sông Mã', en: 'Ma river', kind: 'name' }] });
    expect(confirmed.status).toBe(200);
    const added = confirmed.body.addedTerms.map((term) => `${term.vi} ↔ ${term.en}`);
    expect(added).toEqual(expect.arrayContaining(['sông Mã ↔ Ma river', 'Thanh Hóa ↔ Thanh Hoa']));
    expect(confirmed.body.addedTerms.every((term) => term.origin === 'confirmed')).toBe(true);
    const glossary = await api<GlossaryTermView[]>('GET', '/api/glossary');
    expect(glossary.body.map((term) => `${term.vi} ↔ ${term.en}`)).toEqual(expect.arrayContaining(['sông Mã ↔ Ma river', 'bộ y tế ↔ ministry of health']));
    // A confirmed match is not suggested again; confirming a case with itself is refused.
    expect((await api<SimilarCasesView>('GET', `/api/cases/${english}/similar`)).body.suggestions.map((suggestion) => suggestion.caseId)).not.toContain(floodCase);
    expect(await api('POST', `/api/cases/${english}/similar/${english}/confirm`, {})).toMatchObject({ status: 400, body: { code: 'claim_match_self' } });
    expect(await api('POST', `/api/cases/${english}/similar/${randomUUID()}/confirm`, {})).toMatchObject({ status: 404, body: { code: 'case_not_found' } });
  });

  it('lets admins maintain the glossary, and an added pair matches English claims at once', async () => {
    const before = await api<SimilarCasesView>('GET', `/api/cases/${await openCase('Dam warning', 'Residents warned that the Ban Mong reservoir spillway will open')}/similar`);
    expect(before.body.suggestions).toEqual([]);
    const reservoirCase = await openCase('Tràn xả lũ hồ Bản Mồng', 'Người dân được cảnh báo đập tràn hồ chứa Bản Mồng sắp mở');
    const pair = await api<GlossaryTermView>('POST', '/api/glossary', { vi: 'đập tràn', en: 'spillway', kind: 'claim' });
    expect(pair).toMatchObject({ status: 201, body: { vi: 'đập tràn', en: 'spillway', origin: 'confirmed' } });
    expect(await api('POST', '/api/glossary', { vi: 'ĐẬP TRÀN', en: 'Spillway', kind: 'claim' })).toMatchObject({ status: 409, body: { code: 'glossary_term_exists' } });
    const after = await api<SimilarCasesView>('GET', `/api/cases/${await openCase('Spillway', 'The Ban Mong reservoir spillway opens, residents warned')}/similar`);
    expect(after.body.suggestions.find((suggestion) => suggestion.caseId === reservoirCase)?.shared.concepts).toContain('spillway');
    expect((await api('DELETE', `/api/glossary/${pair.body.id}`)).status).toBe(204);
    expect(await api('DELETE', `/api/glossary/${pair.body.id}`)).toMatchObject({ status: 404, body: { code: 'glossary_term_not_found' } });
  });

  it("suggests the team whose places a case's items mention", async () => {
    const [north]: { id: string }[] = await db.query(`INSERT INTO teams (name, created_at) VALUES ('Tổ miền Trung', $1) RETURNING id`, [vigil.clock.now()]);
    const [south]: { id: string }[] = await db.query(`INSERT INTO teams (name, created_at) VALUES ('Tổ miền Nam', $1) RETURNING id`, [vigil.clock.now()]);
    const places = await api<TeamPlacesView>('PUT', `/api/teams/${north!.id}/places`, { places: ['Nghệ An', 'Hà Tĩnh', 'Vinh'] });
    expect(places).toMatchObject({ status: 200, body: { teamId: north!.id } });
    expect(places.body.places.sort()).toEqual(['Hà Tĩnh', 'Nghệ An', 'Vinh']);
    await api('PUT', `/api/teams/${south!.id}/places`, { places: ['Cần Thơ'] });
    const suggested = await api<SuggestedTeamsView>('GET', `/api/cases/${feeCase}/suggested-team`);
    expect(suggested.status).toBe(200);
    expect(suggested.body.suggestions).toEqual([{ teamId: north!.id, name: 'Tổ miền Trung', places: ['Nghệ An', 'Vinh'], mentions: 5 }]);
    expect(await api('PUT', `/api/teams/${randomUUID()}/places`, { places: ['Huế'] })).toMatchObject({ status: 404, body: { code: 'team_not_found' } });
  });
});
