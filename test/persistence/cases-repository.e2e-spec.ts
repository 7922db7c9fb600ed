import { randomUUID } from 'node:crypto';
import { verifyAuditChain } from '@vigil/domain';
import { CaseAuditRepository, CaseCommentsRepository, CaseLinksRepository, type CaseFields, CasesRepository, TeamsRepository, Transactions } from '@vigil/persistence';
import { TEST_EPOCH } from '@vigil/testing';
import { after, MINUTE, newItem, newSource, openRepositories, type RepositoryDatabase } from './support/repository-database';

const NOW = TEST_EPOCH;

describe('Cases on a real database', () => {
  let database: RepositoryDatabase;
  let cases: CasesRepository;
  let links: CaseLinksRepository;
  let comments: CaseCommentsRepository;
  let audit: CaseAuditRepository;
  let teams: TeamsRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    database = await openRepositories();
    cases = new CasesRepository(database.db);
    links = new CaseLinksRepository(database.db);
    comments = new CaseCommentsRepository(database.db);
    audit = new CaseAuditRepository(database.db);
    teams = new TeamsRepository(database.db);
    transactions = new Transactions(database.db);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  async function newUser(name: string) {
    return database.users.create({ username: `${name}.${randomUUID().slice(0, 6)}`, displayName: name, passwordHash: 'x', roles: ['writer'] });
  }

  const fields = (overrides: Partial<CaseFields> = {}): CaseFields => ({
    title: 'Tin đồn tăng giá điện 30%',
    claimSummary: null,
    severity: 'high',
    assigneeId: null,
    teamId: null,
    tags: [],
    ...overrides,
  });

  async function openCase(overrides: Partial<CaseFields> = {}, at = NOW) {
    return transactions.run(async (tx) => {
      const row = await cases.create(fields(overrides), null, at, tx);
      await audit.append(row.id, { action: 'created', actorId: null, before: null, after: { title: row.title } }, at, tx);
      return row;
    });
  }

  it('numbers cases per office year, so a case opened at 01:00 on 1 January (UTC+7) counts in the new year', async () => {
    const first = await openCase({}, new Date('2031-06-01T00:00:00Z'));
    const second = await openCase({}, new Date('2031-12-31T17:30:00Z'));
    const third = await openCase({}, new Date('2031-07-01T00:00:00Z'));
    expect(first.reference).toBe('VG-2031-0001');
    expect(third.reference).toBe('VG-2031-0002');
    expect(second.reference).toBe('VG-2032-0001');
  });

  it('keeps the assignee, the team and the tags, and filters by them', async () => {
    const lan = await newUser('lan');
    const created = await teams.create(`Ban tin ${randomUUID().slice(0, 6)}`, [lan.id], NOW);
    if (created.kind !== 'created') throw new Error('team not created');
    const row = await openCase({ assigneeId: lan.id, teamId: created.team.id, tags: ['điện', 'giá'], severity: 'critical' });
    expect(row).toEqual(expect.objectContaining({ status: 'new', tags: ['điện', 'giá'], assignee: { id: lan.id, username: lan.username, displayName: 'lan' }, team: { id: created.team.id, name: created.team.name } }));
    const page = await cases.list({ assigneeId: lan.id, severities: ['critical'], statuses: ['new'], limit: 10, offset: 0 });
    expect(page).toEqual({ rows: [expect.objectContaining({ id: row.id })], total: 1 });
    expect((await cases.list({ teamId: created.team.id, statuses: ['closed'], limit: 10, offset: 0 })).total).toBe(0);
  });

  it('refuses a second team of the same name whatever its case', async () => {
    const name = `Nhóm ${randomUUID().slice(0, 6)}`;
    const created = await teams.create(name, [], NOW);
    expect(await teams.create(name.toUpperCase(), [], NOW)).toEqual({ kind: 'exists', existingId: created.kind === 'created' ? created.team.id : '' });
  });

  it('chains audit entries in order and verifies them', async () => {
    const row = await openCase();
    await transactions.run((tx) => audit.append(row.id, { action: 'updated', actorId: null, before: { severity: 'high' }, after: { severity: 'critical' } }, after(NOW, MINUTE), tx));
    const trail = await audit.list(row.id);
    expect(trail.map((entry) => [entry.seq, entry.action])).toEqual([
      [1, 'created'],
      [2, 'updated'],
    ]);
    expect(trail[1]!.prevHash).toBe(trail[0]!.hash);
    expect(verifyAuditChain(trail)).toEqual({ intact: true, firstBrokenSeq: null });
  });

  it('refuses to update or delete an audit entry, and a change made behind the trigger breaks the chain', async () => {
    const row = await openCase();
    await expect(database.db.query(`UPDATE case_audit SET after = '{"title":"khác"}' WHERE case_id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(database.db.query(`DELETE FROM case_audit WHERE case_id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await tamper(`UPDATE case_audit SET after = '{"title":"khác"}' WHERE case_id = '${row.id}'`);
    expect(verifyAuditChain(await audit.list(row.id))).toEqual({ intact: false, firstBrokenSeq: 1 });
  });

  it('links a flag’s item and story once each, titled by what they point at', async () => {
    const row = await openCase();
    const source = await database.sources.create(newSource(), NOW);
    const [item] = await database.items.upsert([newItem(source.id, randomUUID(), NOW, { title: 'Bài báo về giá điện' })]);
    await expect(links.targetExists({ kind: 'item', id: item!.id })).resolves.toBe(true);
    await expect(links.targetExists({ kind: 'story', id: randomUUID() })).resolves.toBe(false);
    const added = await transactions.run((tx) => links.add(row.id, [{ kind: 'item', id: item!.id }], null, NOW, tx));
    const again = await transactions.run((tx) => links.add(row.id, [{ kind: 'item', id: item!.id }], null, NOW, tx));
    expect(added).toEqual([{ kind: 'item', id: item!.id }]);
    expect(again).toEqual([]);
    expect(await links.list(row.id)).toEqual([{ kind: 'item', id: item!.id, title: 'Bài báo về giá điện', addedBy: null, addedAt: NOW }]);
    expect(await links.casesLinkedTo({ kind: 'item', id: item!.id })).toEqual([row.id]);
  });

  it('stores a comment with the enabled users it mentions, found by username without case', async () => {
    const row = await openCase();
    const author = await newUser('hoa');
    const mentioned = await newUser('tuan');
    const found = await comments.usersByUsername([mentioned.username.toUpperCase(), 'khong.ai']);
    expect(found).toEqual([{ id: mentioned.id, username: mentioned.username, displayName: 'tuan' }]);
    const comment = await transactions.run((tx) => comments.add(row.id, author.id, `@${mentioned.username} xem giúp`, [mentioned.id], NOW, tx));
    expect(comment).toEqual(expect.objectContaining({ caseId: row.id, body: `@${mentioned.username} xem giúp`, author: { id: author.id, username: author.username, displayName: 'hoa' } }));
    expect(await comments.list(row.id)).toEqual([expect.objectContaining({ id: comment.id, mentions: [{ id: mentioned.id, username: mentioned.username, displayName: 'tuan' }] })]);
  });

  /** What only someone with the table owner's rights (not the API) can do: switch the trigger off around a change. */
  async function tamper(sql: string): Promise<void> {
    await database.db.transaction(async (manager) => {
      await manager.query('ALTER TABLE case_audit DISABLE TRIGGER case_audit_append_only');
      await manager.query(sql);
      await manager.query('ALTER TABLE case_audit ENABLE TRIGGER case_audit_append_only');
    });
  }
});
