import { randomUUID } from 'node:crypto';
import type { CaseDeadlineStage, CaseSeverity, CaseStatus } from '@vigil/contracts';
import { CaseAuditRepository, Transactions } from '@vigil/persistence';
import { DataSource } from 'typeorm';
import type { VigilTestApp } from '../../support/vigil-test-app';

/**
 * Writes a case's history straight into PostgreSQL, as the case, deadline and collection components would have
 * written it over days: items of one story, a flag and a spike, the case with its audit trail (through the real
 * hash-chaining repository) and its deadlines. Fictional news only.
 */
export class CaseHistory {
  private readonly db: DataSource;
  private counter = 0;

  constructor(private readonly vigil: VigilTestApp) {
    this.db = vigil.app.get(DataSource);
  }

  async source(name: string, facts: { failures?: number; lastSuccessAt?: Date } = {}): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO sources (name, url, kind, poll_interval_sec, configured_poll_interval_sec, min_poll_interval_sec, max_poll_interval_sec, paused, consecutive_failures, last_success_at)
       VALUES ($1, $2, 'rss', 900, 900, 300, 3600, false, $3, $4) RETURNING id`,
      [name, `https://${randomUUID()}.example.vn/rss.xml`, facts.failures ?? 0, facts.lastSuccessAt ?? this.vigil.clock.now()],
    );
    return row!.id;
  }

  async story(title: string, sourceId: string, at: Date): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(`INSERT INTO stories (title, first_source_id, first_seen_at) VALUES ($1, $2, $3) RETURNING id`, [title, sourceId, at]);
    return row!.id;
  }

  async item(sourceId: string, title: string, fetchedAt: Date, storyId: string | null): Promise<string> {
    this.counter += 1;
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO items (source_id, dedupe_key, guid, url, canonical_url, title, content, text, snippet, language, fetched_at, published_at, search_title, search_text, content_hash, story_id)
       VALUES ($1, $2, $2, $3, $3, $4, $4, $4, $4, 'vi', $5, $5, $4, $4, $6, $7) RETURNING id`,
      [sourceId, `case-item-${this.counter}-${randomUUID()}`, `https://tin.example.vn/${randomUUID()}.html`, title, fetchedAt, randomUUID(), storyId],
    );
    return row!.id;
  }

  async rule(name: string, severity: CaseSeverity): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO watch_rules (name, query, severity, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
      [name, `"${name}"`, severity, this.vigil.clock.now()],
    );
    return row!.id;
  }

  async flag(ruleId: string, storyKey: string, storyId: string | null, itemId: string, sourceId: string, at: Date, claimedBy: string | null = null): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO flags (rule_id, story_key, story_id, first_item_id, latest_item_id, priority, priority_factors, claimed_by, claimed_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $4, 0.9, '[]', $5, CASE WHEN $5::uuid IS NULL THEN NULL ELSE $6::timestamptz END, $6, $6) RETURNING id`,
      [ruleId, storyKey, storyId, itemId, claimedBy, at],
    );
    await this.db.query(`INSERT INTO flag_items (flag_id, item_id, source_id, matched_at, highlights) VALUES ($1, $2, $3, $4, '[]')`, [row!.id, itemId, sourceId, at]);
    return row!.id;
  }

  async escalate(flagId: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE flags SET status = 'escalated', decided_at = $2 WHERE id = $1`, [flagId, at]);
  }

  async storySpike(storyId: string, at: Date, count: number): Promise<void> {
    await this.db.query(
      `INSERT INTO spike_alerts (subject_kind, subject_id, bucket_start, count, baseline, z_score, detected_at) VALUES ('story', $1, $2, $3, 1, 4.5, $2)`,
      [storyId, at, count],
    );
  }

  /** A case opened at `at` by `actorId`, then moved through `moves`, each entry appended to the real hash chain. */
  async case(fields: { title: string; severity: CaseSeverity; claimSummary?: string; at: Date; actorId: string; status?: CaseStatus }, moves: { at: Date; to: CaseStatus }[] = []): Promise<string> {
    this.counter += 1;
    const status = moves.at(-1)?.to ?? fields.status ?? 'new';
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO cases (reference, title, claim_summary, severity, status, assignee_id, created_by, created_at, updated_at, status_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $7, $7) RETURNING id`,
      [`VG-2026-${String(9000 + this.counter)}`, fields.title, fields.claimSummary ?? null, fields.severity, status, fields.actorId, fields.at],
    );
    const id = row!.id;
    await this.audit(id, 'created', fields.actorId, fields.at, null, { title: fields.title, severity: fields.severity, status: 'new' });
    let from: CaseStatus = 'new';
    for (const move of moves) {
      await this.audit(id, 'transitioned', fields.actorId, move.at, { status: from }, { status: move.to });
      from = move.to;
    }
    return id;
  }

  async audit(caseId: string, action: 'created' | 'updated' | 'transitioned' | 'escalated', actorId: string | null, at: Date, before: Record<string, unknown> | null, after: Record<string, unknown>): Promise<void> {
    const audit = this.vigil.app.get(CaseAuditRepository);
    await this.vigil.app.get(Transactions).run((tx) => audit.append(caseId, { action, actorId, before, after }, at, tx));
  }

  async link(caseId: string, kind: 'flag' | 'item' | 'story', targetId: string, at: Date): Promise<void> {
    await this.db.query(`INSERT INTO case_links (case_id, kind, target_id, added_at) VALUES ($1, $2, $3, $4)`, [caseId, kind, targetId, at]);
  }

  async deadline(caseId: string, stage: CaseDeadlineStage, dueAt: Date, outcome: { metAt?: Date; breachedAt?: Date } = {}): Promise<void> {
    await this.db.query(
      `INSERT INTO case_deadlines (case_id, stage, calendar, budget_ms, running_since, due_at, warn_at, met_at, breached_at)
       VALUES ($1, $2, 'round_the_clock', 900000, $3, $3, $3, $4, $5)`,
      [caseId, stage, dueAt, outcome.metAt ?? null, outcome.breachedAt ?? null],
    );
  }
}
