import type { FactPage, FactView } from '@vigil/contracts';
import { officeDay } from '@vigil/domain';
import { TestClock } from '@vigil/testing';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

type Refusal = { code: string; field?: string };
const DAY_MS = 86_400_000;

/**
 * The fact library over real HTTP (issue 11): verified facts kept verbatim, found with or without diacritics and
 * whatever the tone placement, filtered by tags and by validity on the office's day, which the test clock sets.
 */
describe('Fact library', () => {
  let vigil: VigilTestApp;
  let admin: string;
  let writer: { id: string; token: string };
  let reviewer: string;
  let officer: string;

  const api = <T>(method: string, path: string, token: string, body?: unknown) => vigil.request<T>(method, path, { token, body });
  /** The office's calendar day `days` from the test clock's today. */
  const day = (days: number) => officeDay(new Date(vigil.clock.now().getTime() + days * DAY_MS));
  const statements = (page: FactPage) => page.facts.map((fact) => fact.statement).sort();

  async function createUser(username: string, role: string): Promise<{ id: string; token: string }> {
    const password = `mat-khau-${username}-2026`;
    const created = await api<{ id: string }>('POST', '/api/users', admin, { username, displayName: `Cán bộ ${username}`, password, roles: [role] });
    expect(created.status).toBe(201);
    return { id: created.body.id, token: await vigil.loginAs(username, password) };
  }

  async function addFact(token: string, fact: Record<string, unknown>): Promise<FactView> {
    const created = await api<FactView>('POST', '/api/facts', token, { sourceName: 'Sở Xây dựng Hà Nội', statedOn: day(-10), language: 'vi', ...fact });
    expect(created.status).toBe(201);
    return created.body;
  }

  beforeAll(async () => {
    vigil = await startVigil({}, { clock: new TestClock() });
    admin = await vigil.adminToken();
    writer = await createUser('thu.vien.bien.tap', 'writer');
    reviewer = (await createUser('thu.vien.duyet', 'reviewer')).token;
    officer = (await createUser('thu.vien.truc.ban', 'duty_officer')).token;
  }, 90_000);

  afterAll(async () => vigil?.close());

  it('keeps a writer’s fact verbatim, valid from the day it was stated unless told otherwise', async () => {
    const statement = 'Hà Nội  không cắt nước diện rộng trong tháng 12 — "đúng như thông cáo số 12/TB".';
    const fact = await addFact(writer.token, { statement, sourceUrl: 'https://soxaydung.example.gov.vn/tb-12', tags: ['cấp nước'] });
    expect(fact).toMatchObject({ statement, sourceName: 'Sở Xây dựng Hà Nội', statedOn: day(-10), validFrom: day(-10), validUntil: null, expired: false, tags: ['cấp nước'] });
    expect(fact.createdBy).toMatchObject({ id: writer.id, username: 'thu.vien.bien.tap' });
    expect((await api<FactView>('GET', `/api/facts/${fact.id}`, officer)).body).toEqual(fact);
  });

  it('finds facts without diacritics and whatever the tone placement', async () => {
    await addFact(writer.token, { statement: 'Thủy điện Hòa Bình không xả lũ khẩn cấp', tags: ['thủy điện'] });
    await addFact(writer.token, { statement: 'Hội nghị hoà giải đã kết thúc đúng hạn' });
    await addFact(writer.token, { statement: 'Giá điện bán lẻ không tăng trong quý IV', language: 'vi' });
    const search = async (q: string) => (await api<FactPage>('GET', `/api/facts?q=${encodeURIComponent(q)}`, officer)).body;

    const both = ['Hội nghị hoà giải đã kết thúc đúng hạn', 'Thủy điện Hòa Bình không xả lũ khẩn cấp'];
    expect(statements(await search('hoa'))).toEqual(both);
    expect(statements(await search('hòa'))).toEqual(both);
    expect(statements(await search('HOÀ'))).toEqual(both);
    expect(statements(await search('thuy dien xa lu'))).toEqual(['Thủy điện Hòa Bình không xả lũ khẩn cấp']);
    // The last word counts as a prefix, for a search box typed into.
    expect(statements(await search('gia die'))).toEqual(['Giá điện bán lẻ không tăng trong quý IV']);
    expect((await search('hoa')).total).toBe(2);
    expect((await search('bão')).facts).toEqual([]);
  });

  it('filters by tags compared without diacritics, every tag required', async () => {
    await addFact(writer.token, { statement: 'Nước máy đạt quy chuẩn QCVN 01-1:2018', tags: ['Cấp nước', 'y tế'] });
    const tagged = async (query: string) => statements((await api<FactPage>('GET', `/api/facts?${query}`, officer)).body);
    expect(await tagged('tag=cap%20nuoc')).toEqual(['Hà Nội  không cắt nước diện rộng trong tháng 12 — "đúng như thông cáo số 12/TB".', 'Nước máy đạt quy chuẩn QCVN 01-1:2018']);
    expect(await tagged(`tag=${encodeURIComponent('cấp nước,Y TẾ')}`)).toEqual(['Nước máy đạt quy chuẩn QCVN 01-1:2018']);
    expect(await tagged(`tag=${encodeURIComponent('cấp nước')}&tag=${encodeURIComponent('y tế')}&q=quy%20chuan`)).toEqual(['Nước máy đạt quy chuẩn QCVN 01-1:2018']);
  });

  it('refuses a validity that ends before it starts, on creating and on editing', async () => {
    const refused = await api<Refusal>('POST', '/api/facts', writer.token, { statement: 'Ngày tháng ngược', sourceName: 'UBND', statedOn: day(0), validUntil: day(-1), language: 'vi' });
    expect(refused).toMatchObject({ status: 400, body: { code: 'fact_dates_invalid', field: 'validUntil' } });

    const fact = await addFact(writer.token, { statement: 'Thông báo tạm ngừng cấp nước khu vực Cầu Giấy', statedOn: day(-3) });
    expect(await api<Refusal>('PATCH', `/api/facts/${fact.id}`, reviewer, { validUntil: day(-4) })).toMatchObject({ status: 400, body: { code: 'fact_dates_invalid' } });
    expect(await api<Refusal>('PATCH', `/api/facts/${fact.id}`, reviewer, { validFrom: day(5), validUntil: day(4) })).toMatchObject({ status: 400, body: { code: 'fact_dates_invalid' } });

    const edited = await api<FactView>('PATCH', `/api/facts/${fact.id}`, reviewer, { validUntil: day(-1), tags: ['Cầu Giấy'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ validFrom: day(-3), validUntil: day(-1), expired: true, tags: ['Cầu Giấy'] });
    expect(statements((await api<FactPage>('GET', '/api/facts?tag=cau%20giay', officer)).body)).toEqual(['Thông báo tạm ngừng cấp nước khu vực Cầu Giấy']);
    const reopened = await api<FactView>('PATCH', `/api/facts/${fact.id}`, reviewer, { validUntil: null });
    expect(reopened.body).toMatchObject({ validUntil: null, expired: false });
  });

  it('checks two edits made at once against each other, so one of them is refused rather than both stored', async () => {
    const fact = await addFact(writer.token, { statement: 'Cầu Thăng Long vẫn lưu thông bình thường', statedOn: day(-3) });
    const [later, shorter] = await Promise.all([
      api<Refusal>('PATCH', `/api/facts/${fact.id}`, writer.token, { validFrom: day(10) }),
      api<Refusal>('PATCH', `/api/facts/${fact.id}`, reviewer, { validUntil: day(5) }),
    ]);
    expect([later.status, shorter.status].sort()).toEqual([200, 400]);
    expect([later, shorter].find((answer) => answer.status === 400)?.body.code).toBe('fact_dates_invalid');
    const stored = (await api<FactView>('GET', `/api/facts/${fact.id}`, officer)).body;
    expect(stored.validUntil === null || stored.validUntil >= stored.validFrom).toBe(true);
  });

  it('refuses malformed facts with validation codes and unknown ones with fact_not_found', async () => {
    const base = { statement: 'Sai định dạng', sourceName: 'UBND', statedOn: day(0), language: 'vi' };
    for (const wrong of [{ statedOn: '2026-02-30' }, { statedOn: '27/11/2026' }, { validFrom: null }, { statement: '   ' }, { language: 'fr' }, { sourceUrl: 'javascript:alert(1)' }, { tags: [''] }]) {
      const refused = await api<Refusal>('POST', '/api/facts', writer.token, { ...base, ...wrong });
      expect({ wrong, status: refused.status, code: refused.body.code }).toEqual({ wrong, status: 400, code: 'validation_failed' });
    }
    expect(await api<Refusal>('GET', '/api/facts/3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b', officer)).toMatchObject({ status: 404, body: { code: 'fact_not_found' } });
    expect(await api<Refusal>('PATCH', '/api/facts/3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b', writer.token, { statement: 'x' })).toMatchObject({ status: 404, body: { code: 'fact_not_found' } });
    expect((await api<Refusal>('GET', '/api/facts?valid=maybe', officer)).status).toBe(400);
  });

  it('lets every role read the library but only writers, reviewers, leaders and admins keep it', async () => {
    const fact = await addFact(admin, { statement: 'Sân bay Nội Bài hoạt động bình thường' });
    expect((await api('POST', '/api/facts', officer, { statement: 'Trực ban không được ghi', sourceName: 'UBND', statedOn: day(0), language: 'vi' })).status).toBe(403);
    expect((await api('PATCH', `/api/facts/${fact.id}`, officer, { statement: 'Sửa trái phép' })).status).toBe(403);
    expect((await api<FactPage>('GET', '/api/facts?q=noi%20bai', officer)).body.facts.map((found) => found.id)).toEqual([fact.id]);
  });

  it('pages the list with a total, latest stated first when no words are given', async () => {
    const first = await api<FactPage>('GET', '/api/facts?limit=2', officer);
    const second = await api<FactPage>('GET', '/api/facts?limit=2&offset=2', officer);
    expect(first.body.facts).toHaveLength(2);
    expect(second.body.total).toBe(first.body.total);
    expect(first.body.facts[0]!.statedOn >= first.body.facts[1]!.statedOn).toBe(true);
    expect(first.body.facts[1]!.statedOn >= second.body.facts[0]!.statedOn).toBe(true);
    const beyond = await api<FactPage>('GET', '/api/facts?limit=2&offset=500', officer);
    expect(beyond.body).toEqual({ facts: [], total: first.body.total });
  });

  it('tells valid facts from expired and not yet valid ones on the office’s day, as the clock moves', async () => {
    const ended = await addFact(writer.token, { statement: 'Lịch cắt điện luân phiên tuần trước', tags: ['hiệu lực'], statedOn: day(-20), validUntil: day(-1) });
    const lastDay = await addFact(writer.token, { statement: 'Biểu giá nước áp dụng đến hết ngày mai', tags: ['hiệu lực'], statedOn: day(-5), validUntil: day(1) });
    const future = await addFact(writer.token, { statement: 'Quy định mới có hiệu lực từ tuần sau', tags: ['hiệu lực'], statedOn: day(-2), validFrom: day(7) });
    expect([ended.expired, lastDay.expired, future.expired]).toEqual([true, false, false]);

    const listed = async (valid: string) => statements((await api<FactPage>('GET', `/api/facts?tag=hieu%20luc&valid=${valid}`, officer)).body);
    expect(await listed('true')).toEqual(['Biểu giá nước áp dụng đến hết ngày mai']);
    expect(await listed('false')).toEqual(['Lịch cắt điện luân phiên tuần trước', 'Quy định mới có hiệu lực từ tuần sau']);

    // Two days on, every session has timed out: sign in again.
    vigil.clock.advance(2 * DAY_MS);
    officer = await vigil.loginAs('thu.vien.truc.ban', 'mat-khau-thu.vien.truc.ban-2026');
    expect((await api<FactView>('GET', `/api/facts/${lastDay.id}`, officer)).body.expired).toBe(true);
    expect(await listed('true')).toEqual([]);
  });
});
