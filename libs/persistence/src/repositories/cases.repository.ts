import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseSeverity, CaseStatus } from '@vigil/contracts';
import { caseReference, caseReferenceYear } from '@vigil/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type PersonRow, personJson } from './case-people-sql';
import type { Transaction } from './transactions';

export interface CaseRow {
  id: string;
  reference: string;
  title: string;
  claimSummary: string | null;
  severity: CaseSeverity;
  status: CaseStatus;
  assignee: PersonRow | null;
  team: { id: string; name: string } | null;
  tags: string[];
  createdBy: PersonRow | null;
  createdAt: Date;
  updatedAt: Date;
  statusChangedAt: Date;
  /** When a deadline of the case was first missed (the ticker sets it; never cleared). */
  breachedAt: Date | null;
  /** The ladder rung the case has been escalated to (an index of CASE_ESCALATION_LEVELS; 0: still the assignee). */
  escalationLevel: number;
}

/** The fields a case is opened with and edited through (ids for assignee and team). */
export interface CaseFields {
  title: string;
  claimSummary: string | null;
  severity: CaseSeverity;
  assigneeId: string | null;
  teamId: string | null;
  tags: string[];
}

export interface CaseListFilter {
  statuses?: readonly CaseStatus[];
  severities?: readonly CaseSeverity[];
  assigneeId?: string;
  teamId?: string;
  limit: number;
  offset: number;
}

const CASE_SELECT = `
  SELECT c.id, c.reference, c.title, c.claim_summary AS "claimSummary", c.severity, c.status, c.tags,
         ${personJson('a')} AS assignee,
         CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END AS team,
         ${personJson('cb')} AS "createdBy",
         c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.status_changed_at AS "statusChangedAt",
         c.breached_at AS "breachedAt", c.escalation_level AS "escalationLevel"
    FROM cases c
    LEFT JOIN users a ON a.id = c.assignee_id
    LEFT JOIN teams t ON t.id = c.team_id
    LEFT JOIN users cb ON cb.id = c.created_by`;

const FIELD_COLUMNS: Record<keyof CaseFields, string> = {
  title: 'title',
  claimSummary: 'claim_summary',
  severity: 'severity',
  assigneeId: 'assignee_id',
  teamId: 'team_id',
  tags: 'tags',
};

/** Cases as rows; every write takes the caller's transaction, which also appends the case's audit entry. */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Opens a case with the next reference of the office's year (one counter row per year, bumped atomically). */
  async create(fields: CaseFields, createdBy: string | null, at: Date, tx: Transaction): Promise<CaseRow> {
    const year = caseReferenceYear(at);
    const [counter]: { lastNumber: number }[] = await tx.manager.query(
      `INSERT INTO case_reference_counters (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = case_reference_counters.last_number + 1 RETURNING last_number AS "lastNumber"`,
      [year],
    );
    const [created]: { id: string }[] = await tx.manager.query(
      `INSERT INTO cases (reference, title, claim_summary, severity, assignee_id, team_id, tags, created_by, created_at, updated_at, status_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9) RETURNING id`,
      [caseReference(year, counter!.lastNumber), fields.title, fields.claimSummary, fields.severity, fields.assigneeId, fields.teamId, fields.tags, createdBy, at],
    );
    return (await this.read(tx.manager, created!.id))!;
  }

  findById(id: string, tx?: Transaction): Promise<CaseRow | null> {
    return this.read(tx?.manager ?? this.db.manager, id);
  }

  /** Several cases at once (the deadline ticker announcing a tick's firings), in no particular order. */
  findByIds(ids: readonly string[], tx?: Transaction): Promise<CaseRow[]> {
    return (tx?.manager ?? this.db.manager).query(`${CASE_SELECT} WHERE c.id = ANY($1::uuid[])`, [[...ids]]);
  }

  /** The case, its row locked until the transaction ends: changes to one case (and its audit chain) queue behind each other. */
  async lock(id: string, tx: Transaction): Promise<CaseRow | null> {
    const [locked]: { id: string }[] = await tx.manager.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [id]);
    return locked ? this.read(tx.manager, id) : null;
  }

  async update(id: string, changes: Partial<CaseFields>, at: Date, tx: Transaction): Promise<CaseRow> {
    const entries = Object.entries(changes) as [keyof CaseFields, unknown][];
    const sets = entries.map(([field], index) => `${FIELD_COLUMNS[field]} = $${index + 3}`);
    await tx.manager.query(`UPDATE cases SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1`, [id, at, ...entries.map(([, value]) => value)]);
    return (await this.read(tx.manager, id))!;
  }

  async setStatus(id: string, status: CaseStatus, at: Date, tx: Transaction): Promise<CaseRow> {
    await tx.manager.query(`UPDATE cases SET status = $2, status_changed_at = $3, updated_at = $3 WHERE id = $1`, [id, status, at]);
    return (await this.read(tx.manager, id))!;
  }

  /** Marks the case changed (a comment or a link) for lists sorted by last change. */
  async touch(id: string, at: Date, tx: Transaction): Promise<CaseRow> {
    await tx.manager.query(`UPDATE cases SET updated_at = $2 WHERE id = $1`, [id, at]);
    return (await this.read(tx.manager, id))!;
  }

  /** The cases matching every given filter, most recently changed first, and how many match in all. */
  async list(filter: CaseListFilter): Promise<{ rows: CaseRow[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    if (filter.statuses?.length) add((p) => `c.status = ANY(${p}::text[])`, [...filter.statuses]);
    if (filter.severities?.length) add((p) => `c.severity = ANY(${p}::text[])`, [...filter.severities]);
    if (filter.assigneeId) add((p) => `c.assignee_id = ${p}`, filter.assigneeId);
    if (filter.teamId) add((p) => `c.team_id = ${p}`, filter.teamId);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.db.transaction(async (manager) => {
      const [{ total }]: { total: number }[] = await manager.query(`SELECT count(*)::int AS total FROM cases c ${where}`, params);
      const rows: CaseRow[] = await manager.query(
        `${CASE_SELECT} ${where} ORDER BY c.updated_at DESC, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, filter.limit, filter.offset],
      );
      return { rows, total };
    });
  }

  private async read(manager: EntityManager, id: string): Promise<CaseRow | null> {
    const [row]: CaseRow[] = await manager.query(`${CASE_SELECT} WHERE c.id = $1`, [id]);
    return row ?? null;
  }
}
