import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FlagAction, FlagStatus, MatchHighlight, PriorityFactor, Severity } from '@vigil/contracts';
import { type EntityManager, Repository } from 'typeorm';
import { WatchRuleEntity } from '../entities/watch-rule.entity';
import { type Transaction, within } from './transactions';

/** One rule matching one item, with what the flag it lands in should rank at. */
export interface FlagMatch {
  ruleId: string;
  itemId: string;
  sourceId: string;
  storyId: string | null;
  highlights: MatchHighlight[];
}

/** What priority needs to know about the flag a match lands in, read in the same transaction. */
export interface FlagContext {
  severity: Severity;
  sourceWeight: number;
  /** Distinct sources carrying the story in the last hour (the item's own included). */
  velocity: number;
  firstSeenAt: Date;
}

export type Prioritise = (context: FlagContext) => { priority: number; factors: PriorityFactor[] };

/** A flag a match created, or one it grew by a new item. Matches of an item the flag already had change nothing. */
export interface RecordedFlag {
  flagId: string;
  created: boolean;
  /** Flags raised apart on the same story that were attached into this one now (see flagOf). */
  attached: string[];
}

export interface FlagRow {
  id: string;
  status: FlagStatus;
  ruleId: string;
  ruleName: string;
  ruleSeverity: Severity;
  storyId: string | null;
  item: { id: string; title: string; url: string; sourceId: string; publishedAt: Date | null; snippet: string };
  highlights: MatchHighlight[];
  itemCount: number;
  sourceCount: number;
  velocity: number;
  priority: number;
  priorityFactors: PriorityFactor[];
  claimedBy: { id: string; displayName: string } | null;
  claimedAt: Date | null;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  attachedTo: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface FlagListQuery {
  status: FlagStatus | null;
  sort: 'priority' | 'newest';
  limit: number;
  offset: number;
}

/** Why a claim, release or decision did not happen: no such flag, already decided, held by someone, or held by nobody. */
export type FlagRefusal = { kind: 'missing' } | { kind: 'closed' } | { kind: 'held'; holder: { id: string; displayName: string } } | { kind: 'unclaimed' };

export type FlagStepOutcome = { kind: 'done'; row: FlagRow } | FlagRefusal;

/** A decision: dismissed (with its reason), escalated, or attached to another flag's story. */
export interface FlagDecision {
  status: Exclude<FlagStatus, 'open'>;
  reason: string | null;
  attachedTo: string | null;
}

interface FlagRecord {
  id: string;
  status: FlagStatus;
  rule_id: string;
  rule_name: string;
  rule_severity: Severity;
  story_id: string | null;
  item_id: string;
  item_title: string;
  item_url: string;
  item_source_id: string;
  item_published_at: Date | null;
  item_snippet: string;
  highlights: MatchHighlight[] | null;
  item_count: number;
  source_count: number;
  velocity: number;
  priority: number;
  priority_factors: PriorityFactor[];
  claimed_by: string | null;
  claimed_by_name: string | null;
  claimed_at: Date | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  attached_to: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * The flag rows as lists show them: the latest matching item, the story's counts, who claimed or decided. Velocity
 * counts the story's sources within the hour before $1 (the caller's now).
 */
const FLAG_SELECT = `
  SELECT f.id, f.status, f.rule_id, r.name AS rule_name, r.severity AS rule_severity, f.story_id,
         i.id AS item_id, i.title AS item_title, i.url AS item_url, i.source_id AS item_source_id,
         i.published_at AS item_published_at, i.snippet AS item_snippet,
         (SELECT fi.highlights FROM flag_items fi WHERE fi.flag_id = f.id AND fi.item_id = f.latest_item_id) AS highlights,
         (SELECT count(*)::int FROM flag_items fi WHERE fi.flag_id = f.id) AS item_count,
         (SELECT count(DISTINCT fi.source_id)::int FROM flag_items fi WHERE fi.flag_id = f.id) AS source_count,
         (SELECT count(DISTINCT fi.source_id)::int FROM flag_items fi WHERE fi.flag_id = f.id AND fi.matched_at > $1::timestamptz - interval '1 hour') AS velocity,
         f.priority, f.priority_factors,
         f.claimed_by, claimer.display_name AS claimed_by_name, f.claimed_at,
         f.decided_by, decider.display_name AS decided_by_name, f.decided_at, f.decision_reason, f.attached_to,
         f.created_at, f.updated_at
    FROM flags f
    JOIN watch_rules r ON r.id = f.rule_id
    JOIN items i ON i.id = f.latest_item_id
    LEFT JOIN users claimer ON claimer.id = f.claimed_by
    LEFT JOIN users decider ON decider.id = f.decided_by`;

/** Flags, the items in them and every triage step, in SQL: claims and decisions are single conditional updates. */
@Injectable()
export class FlagsRepository {
  constructor(@InjectRepository(WatchRuleEntity) private readonly rules: Repository<WatchRuleEntity>) {}

  /**
   * Lands each match in the flag of its rule and story (creating it), keeps the item and its highlights, ranks the flag
   * again when the item is new to it, and watches the items. Idempotent: a match recorded before changes nothing.
   */
  async recordMatches(matches: FlagMatch[], at: Date, prioritise: Prioritise, firstWatchCheckAt: Date, tx?: Transaction): Promise<RecordedFlag[]> {
    if (matches.length === 0) return [];
    return within(tx, this.rules.manager, async (manager) => {
      const recorded: RecordedFlag[] = [];
      for (const match of matches) {
        const outcome = await this.recordMatch(manager, match, at, prioritise);
        if (outcome) recorded.push(outcome);
      }
      // Flagged items are watched for edits and takedowns; one already watched keeps its schedule.
      await manager.query(`UPDATE items SET watched = true, next_check_at = $2 WHERE id = ANY($1::uuid[]) AND NOT watched`, [
        [...new Set(matches.map((match) => match.itemId))],
        firstWatchCheckAt,
      ]);
      return recorded;
    });
  }

  private async recordMatch(manager: EntityManager, match: FlagMatch, at: Date, prioritise: Prioritise): Promise<RecordedFlag | null> {
    const storyKey = match.storyId ?? match.itemId;
    const context = await this.contextFor(manager, match, storyKey, at);
    const { priority, factors } = prioritise(context);
    const flag = (await this.flagOf(manager, match, at)) ?? { ...(await this.insertFlag(manager, match, storyKey, priority, factors, at)), changed: false, attached: [] };
    const joined: { inserted: boolean }[] = await manager.query(
      `INSERT INTO flag_items (flag_id, item_id, source_id, matched_at, highlights) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (flag_id, item_id) DO UPDATE SET highlights = EXCLUDED.highlights RETURNING (xmax = 0) AS inserted`,
      [flag.id, match.itemId, match.sourceId, at, JSON.stringify(match.highlights)],
    );
    if (flag.created) {
      await this.addAction(manager, flag.id, 'created', null, at, null);
      return { flagId: flag.id, created: true, attached: [] };
    }
    // Nothing new for anyone watching: the item was already in the flag, and no story or merge changed it.
    if (!joined[0]!.inserted && !flag.changed) return null;
    await manager.query(
      `UPDATE flags SET latest_item_id = $2, priority = $3, priority_factors = $4, story_id = COALESCE(story_id, $5), updated_at = $6 WHERE id = $1`,
      [flag.id, match.itemId, priority, JSON.stringify(factors), match.storyId, at],
    );
    await this.addAction(manager, flag.id, 'updated', null, at, null);
    return { flagId: flag.id, created: false, attached: flag.attached };
  }

  /**
   * The rule's flag this match belongs to: the one already holding the item (matched at its poll, before it joined a
   * story), or the one of its story, whichever item of the story raised it first. When the item's story joins flags
   * raised apart (two outlets' reports flagged before enrichment found them to be one story), the later open ones are
   * attached to the first: one flag per story and rule.
   */
  private async flagOf(manager: EntityManager, match: FlagMatch, at: Date): Promise<{ id: string; created: false; changed: boolean; attached: string[] } | null> {
    const found: { id: string; status: FlagStatus }[] = await manager.query(
      `SELECT id, status FROM flags
        WHERE rule_id = $1 AND (story_key = $2 OR story_key = $3 OR story_id = $3
              OR id IN (SELECT flag_id FROM flag_items WHERE item_id = $2)
              OR ($4::uuid IS NOT NULL AND id IN (SELECT fi.flag_id FROM flag_items fi JOIN items i ON i.id = fi.item_id WHERE i.story_id = $4)))
        ORDER BY created_at, id`,
      [match.ruleId, match.itemId, match.storyId ?? match.itemId, match.storyId],
    );
    const [first, ...later] = found;
    if (!first) return null;
    const storySet = match.storyId
      ? updatedRows(await manager.query(`UPDATE flags SET story_id = $2 WHERE id = $1 AND story_id IS NULL RETURNING id`, [first.id, match.storyId])).length > 0
      : false;
    const attached: string[] = [];
    for (const duplicate of later.filter((flag) => flag.status === 'open' && first.status === 'open')) {
      await manager.query(`UPDATE flags SET status = 'attached', attached_to = $2, decided_at = $3, updated_at = $3 WHERE id = $1`, [duplicate.id, first.id, at]);
      await this.addAction(manager, duplicate.id, 'attached', null, at, null);
      await this.moveItems(manager, duplicate.id, first.id, at);
      attached.push(duplicate.id);
    }
    return { id: first.id, created: false, changed: storySet || attached.length > 0, attached };
  }

  /** A new flag; should another process have created it a moment before, that one is used (the unique key). */
  private async insertFlag(
    manager: EntityManager,
    match: FlagMatch,
    storyKey: string,
    priority: number,
    factors: PriorityFactor[],
    at: Date,
  ): Promise<{ id: string; created: boolean }> {
    const [flag]: { id: string; created: boolean }[] = await manager.query(
      `INSERT INTO flags (rule_id, story_key, story_id, first_item_id, latest_item_id, priority, priority_factors, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $7)
       ON CONFLICT (rule_id, story_key) DO UPDATE SET story_id = COALESCE(flags.story_id, EXCLUDED.story_id)
       RETURNING id, (xmax = 0) AS created`,
      [match.ruleId, storyKey, match.storyId, match.itemId, priority, JSON.stringify(factors), at],
    );
    return flag!;
  }

  private async contextFor(manager: EntityManager, match: FlagMatch, storyKey: string, at: Date): Promise<FlagContext> {
    const [row]: { severity: Severity; weight: number; velocity: number; first_seen_at: Date | null }[] = await manager.query(
      `SELECT r.severity, s.weight,
              (SELECT count(DISTINCT source_id)::int FROM (
                 SELECT fi.source_id FROM flag_items fi JOIN flags f ON f.id = fi.flag_id
                  WHERE f.story_key = $3 AND fi.matched_at > $4::timestamptz - interval '1 hour'
                 UNION SELECT $5::uuid) AS recent) AS velocity,
              (SELECT min(fi.matched_at) FROM flag_items fi JOIN flags f ON f.id = fi.flag_id WHERE f.story_key = $3) AS first_seen_at
         FROM watch_rules r, sources s WHERE r.id = $1 AND s.id = $2`,
      [match.ruleId, match.sourceId, storyKey, at, match.sourceId],
    );
    return { severity: row!.severity, sourceWeight: row!.weight, velocity: row!.velocity, firstSeenAt: row!.first_seen_at ?? at };
  }

  async list(query: FlagListQuery, now: Date): Promise<{ rows: FlagRow[]; total: number }> {
    const parameters: unknown[] = [now];
    const where = query.status ? `WHERE f.status = $${parameters.push(query.status)}` : '';
    const order = query.sort === 'priority' ? 'f.priority DESC, f.updated_at DESC, f.id' : 'f.updated_at DESC, f.id';
    const records: FlagRecord[] = await this.rules.query(
      `${FLAG_SELECT} ${where} ORDER BY ${order} LIMIT $${parameters.push(query.limit)} OFFSET $${parameters.push(query.offset)}`,
      parameters,
    );
    const [{ total }]: { total: number }[] = query.status
      ? await this.rules.query(`SELECT count(*)::int AS total FROM flags f WHERE f.status = $1`, [query.status])
      : await this.rules.query(`SELECT count(*)::int AS total FROM flags f`);
    return { rows: records.map(toRow), total };
  }

  /** Inside a transaction, the flag as that transaction sees it (its own writes included). */
  findById(id: string, now: Date, tx?: Transaction): Promise<FlagRow | null> {
    return this.findIn(tx?.manager ?? this.rules.manager, id, now);
  }

  /** Exactly one of several officers claiming at once wins: the update takes an unclaimed open flag only. */
  async claim(id: string, userId: string, at: Date, tx?: Transaction): Promise<FlagStepOutcome> {
    return within(tx, this.rules.manager, async (manager) => {
      const claimed = updatedRows(
        await manager.query(
        `UPDATE flags SET claimed_by = $2, claimed_at = $3, updated_at = $3
          WHERE id = $1 AND status = 'open' AND (claimed_by IS NULL OR claimed_by = $2) RETURNING id`,
        [id, userId, at],
      ),
      );
      if (claimed.length === 0) return this.refusal(manager, id);
      await this.addAction(manager, id, 'claimed', userId, at, null);
      return { kind: 'done', row: (await this.findIn(manager, id, at))! };
    });
  }

  /** Lets go of the claim: the holder may, and so may an admin (`anyHolder`). */
  async release(id: string, userId: string, anyHolder: boolean, at: Date, tx?: Transaction): Promise<FlagStepOutcome> {
    return within(tx, this.rules.manager, async (manager) => {
      const released = updatedRows(
        await manager.query(
        `UPDATE flags SET claimed_by = NULL, claimed_at = NULL, updated_at = $3
          WHERE id = $1 AND status = 'open' AND claimed_by IS NOT NULL AND (claimed_by = $2 OR $4) RETURNING id`,
        [id, userId, at, anyHolder],
      ),
      );
      if (released.length === 0) return this.refusal(manager, id);
      await this.addAction(manager, id, 'released', userId, at, null);
      return { kind: 'done', row: (await this.findIn(manager, id, at))! };
    });
  }

  /** Closes an open flag that nobody else holds; the deciding officer's claim, if any, ends with it. */
  async decide(id: string, userId: string, decision: FlagDecision, at: Date, tx?: Transaction): Promise<FlagStepOutcome> {
    return within(tx, this.rules.manager, async (manager) => {
      const decided = updatedRows(
        await manager.query(
        `UPDATE flags SET status = $3, decision_reason = $4, attached_to = $5, decided_by = $2, decided_at = $6,
                claimed_by = NULL, claimed_at = NULL, updated_at = $6
          WHERE id = $1 AND status = 'open' AND (claimed_by IS NULL OR claimed_by = $2) RETURNING id`,
        [id, userId, decision.status, decision.reason, decision.attachedTo, at],
      ),
      );
      if (decided.length === 0) return this.refusal(manager, id);
      const action: FlagAction = decision.status === 'attached' ? 'attached' : decision.status;
      await this.addAction(manager, id, action, userId, at, decision.reason);
      if (decision.attachedTo) await this.moveItems(manager, id, decision.attachedTo, at);
      return { kind: 'done', row: (await this.findIn(manager, id, at))! };
    });
  }

  async actions(id: string): Promise<{ action: FlagAction; actorId: string | null; actorName: string | null; at: Date; reason: string | null }[]> {
    const rows: { action: FlagAction; actor_id: string | null; actor_name: string | null; at: Date; reason: string | null }[] = await this.rules.query(
      `SELECT a.action, a.actor_id, u.display_name AS actor_name, a.at, a.reason FROM flag_actions a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.flag_id = $1 ORDER BY a.id`,
      [id],
    );
    return rows.map((row) => ({ action: row.action, actorId: row.actor_id, actorName: row.actor_name, at: row.at, reason: row.reason }));
  }

  /** The attached flag's items join the target's story and its flag. */
  private async moveItems(manager: EntityManager, fromId: string, toId: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO flag_items (flag_id, item_id, source_id, matched_at, highlights)
       SELECT $2, item_id, source_id, matched_at, highlights FROM flag_items WHERE flag_id = $1
       ON CONFLICT (flag_id, item_id) DO NOTHING`,
      [fromId, toId],
    );
    await manager.query(
      `UPDATE items SET story_id = target.story_id FROM flags target
        WHERE target.id = $2 AND target.story_id IS NOT NULL AND items.id IN (SELECT item_id FROM flag_items WHERE flag_id = $1)`,
      [fromId, toId],
    );
    await manager.query(`UPDATE flags SET updated_at = $2 WHERE id = $1`, [toId, at]);
  }

  private async refusal(manager: EntityManager, id: string): Promise<FlagRefusal> {
    const [current]: { status: FlagStatus; claimed_by: string | null; display_name: string | null }[] = await manager.query(
      `SELECT f.status, f.claimed_by, u.display_name FROM flags f LEFT JOIN users u ON u.id = f.claimed_by WHERE f.id = $1`,
      [id],
    );
    if (!current) return { kind: 'missing' };
    if (current.status !== 'open') return { kind: 'closed' };
    return current.claimed_by ? { kind: 'held', holder: { id: current.claimed_by, displayName: current.display_name ?? '' } } : { kind: 'unclaimed' };
  }

  private async findIn(manager: EntityManager, id: string, now: Date): Promise<FlagRow | null> {
    const [record]: FlagRecord[] = await manager.query(`${FLAG_SELECT} WHERE f.id = $2`, [now, id]);
    return record ? toRow(record) : null;
  }

  private async addAction(manager: EntityManager, flagId: string, action: FlagAction, actorId: string | null, at: Date, reason: string | null): Promise<void> {
    await manager.query(`INSERT INTO flag_actions (flag_id, action, actor_id, at, reason) VALUES ($1, $2, $3, $4, $5)`, [flagId, action, actorId, at, reason]);
  }
}

/** TypeORM answers an UPDATE … RETURNING with [rows, affected count]; the rows are what counts here. */
function updatedRows(result: unknown): unknown[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]);
}

function toRow(record: FlagRecord): FlagRow {
  return {
    id: record.id,
    status: record.status,
    ruleId: record.rule_id,
    ruleName: record.rule_name,
    ruleSeverity: record.rule_severity,
    storyId: record.story_id,
    item: {
      id: record.item_id,
      title: record.item_title,
      url: record.item_url,
      sourceId: record.item_source_id,
      publishedAt: record.item_published_at,
      snippet: record.item_snippet,
    },
    highlights: record.highlights ?? [],
    itemCount: record.item_count,
    sourceCount: record.source_count,
    velocity: record.velocity,
    priority: record.priority,
    priorityFactors: record.priority_factors,
    claimedBy: record.claimed_by ? { id: record.claimed_by, displayName: record.claimed_by_name ?? '' } : null,
    claimedAt: record.claimed_at,
    decidedBy: record.decided_by ? { id: record.decided_by, displayName: record.decided_by_name ?? '' } : null,
    decidedAt: record.decided_at,
    decisionReason: record.decision_reason,
    attachedTo: record.attached_to,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
  };
}
