import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Severity } from '@vigil/contracts';
import { IsNull, Repository } from 'typeorm';
import { WatchRuleEntity } from '../entities/watch-rule.entity';

export interface NewWatchRule {
  name: string;
  query: string;
  severity: Severity;
  ownerTeam: string | null;
  description: string | null;
  enabled: boolean;
  createdBy: string | null;
}

export type WatchRuleChanges = Partial<Omit<NewWatchRule, 'createdBy'>>;

/** What a process compares to know whether its compiled rules are stale (any create, edit or delete moves it). */
export interface RulesVersion {
  count: number;
  lastChangeAt: string | null;
}

@Injectable()
export class WatchRulesRepository {
  constructor(@InjectRepository(WatchRuleEntity) private readonly rules: Repository<WatchRuleEntity>) {}

  create(rule: NewWatchRule, at: Date): Promise<WatchRuleEntity> {
    return this.rules.save(this.rules.create({ ...rule, createdAt: at, updatedAt: at, deletedAt: null }));
  }

  list(): Promise<WatchRuleEntity[]> {
    return this.rules.find({ where: { deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  listEnabled(): Promise<WatchRuleEntity[]> {
    return this.rules.find({ where: { deletedAt: IsNull(), enabled: true } });
  }

  findById(id: string): Promise<WatchRuleEntity | null> {
    return this.rules.findOne({ where: { id, deletedAt: IsNull() } });
  }

  async update(id: string, changes: WatchRuleChanges, at: Date): Promise<WatchRuleEntity | null> {
    const result = await this.rules.update({ id, deletedAt: IsNull() }, { ...changes, updatedAt: at });
    return result.affected ? this.findById(id) : null;
  }

  /** Marks the rule deleted (its flags keep it); false when there was no such rule. */
  async softDelete(id: string, at: Date): Promise<boolean> {
    const result = await this.rules.update({ id, deletedAt: IsNull() }, { deletedAt: at, updatedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** One cheap row: deleted rules count too, so a delete changes the version like an edit does. */
  async version(): Promise<RulesVersion> {
    const [row]: { count: number; last: Date | null }[] = await this.rules.query(`SELECT count(*)::int AS count, max(updated_at) AS last FROM watch_rules`);
    return { count: row!.count, lastChangeAt: row!.last ? new Date(row!.last).toISOString() : null };
  }
}
