import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ListingRule, SourceFailureCode, SourceFailureParams, SourceKind } from '@vigil/contracts';
import { sourceUrlKey } from '@vigil/domain';
import { In, IsNull, LessThanOrEqual, QueryFailedError, Repository } from 'typeorm';
import { SourceEntity } from '../entities/source.entity';

export interface NewSource {
  name: string;
  url: string;
  kind: SourceKind;
  pollIntervalSec: number;
  minPollIntervalSec: number;
  maxPollIntervalSec: number;
  languageHint: 'vi' | 'en' | null;
  weight: number;
  tags: string[];
  paused: boolean;
  listing: ListingRule | null;
}

/** `configuredPollIntervalSec` is the user's interval; `pollIntervalSec` the adaptive one polls run on. */
export type SourceChanges = Partial<NewSource> & { configuredPollIntervalSec?: number };

export interface FetchSuccess {
  fetchedAt: Date;
  nextFetchAt: Date;
  pollIntervalSec: number;
  etag: string | null;
  lastModified: string | null;
  /** See SourceEntity.bodyHash; null when the poll's document alone did not decide what was stored. */
  bodyHash: string | null;
}

export interface FetchFailure {
  fetchedAt: Date;
  nextFetchAt: Date;
  /** English, for developers and logs. */
  error: string;
  /** What the source's health shows, worded by the client. */
  code: SourceFailureCode;
  params: SourceFailureParams;
  /** 1 for a failure, 0.5 for a half failure (404, 429, 5xx). */
  weight: number;
}

/** A source's address is that of a source in use (the same `sourceUrlKey`), however many asked at once. */
export class SourceAddressTaken extends Error {
  constructor(
    readonly url: string,
    readonly existingId: string,
  ) {
    super(`A source with the address ${url} already exists (${existingId})`);
  }
}

const ADDRESS_IN_USE_INDEX = 'sources_url_key_in_use';

@Injectable()
export class SourcesRepository {
  constructor(@InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>) {}

  /** Throws SourceAddressTaken for the address of a source in use. */
  async create(source: NewSource, now: Date): Promise<SourceEntity> {
    const urlKey = sourceUrlKey(source.url);
    try {
      // The interval asked for at create is the user's; polls adapt `pollIntervalSec` from it.
      return await this.sources.save(this.sources.create({ ...source, urlKey, configuredPollIntervalSec: source.pollIntervalSec, nextFetchAt: now }));
    } catch (error) {
      throw await this.addressTaken(error, source.url, urlKey);
    }
  }

  /** Throws SourceAddressTaken for a new address that is another source's. */
  async update(id: string, changes: SourceChanges): Promise<SourceEntity | null> {
    // A new address, kind or listing rule reads the same document differently: the next poll reads it in full.
    const rereads = changes.url !== undefined || changes.kind !== undefined || changes.listing !== undefined;
    const forget = rereads ? { etag: null, lastModified: null, bodyHash: null } : {};
    const urlKey = changes.url === undefined ? undefined : sourceUrlKey(changes.url);
    try {
      if (Object.keys(changes).length) await this.sources.update({ id, removedAt: IsNull() }, { ...changes, ...(urlKey === undefined ? {} : { urlKey }), ...forget });
    } catch (error) {
      throw await this.addressTaken(error, changes.url!, urlKey ?? null);
    }
    return this.findById(id);
  }

  /** The sources in use at these addresses, by `sourceUrlKey`. */
  async findIdsByUrlKeys(keys: string[]): Promise<Map<string, string>> {
    const rows = keys.length ? await this.sources.find({ where: { urlKey: In([...new Set(keys)]), removedAt: IsNull() }, select: { id: true, urlKey: true } }) : [];
    return new Map(rows.map((row) => [row.urlKey!, row.id]));
  }

  /** A write refused by the index of addresses in use, as the source holding the address; any other error as it is. */
  private async addressTaken(error: unknown, url: string, urlKey: string | null): Promise<unknown> {
    const inUse = error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === ADDRESS_IN_USE_INDEX;
    const existingId = inUse && urlKey !== null ? (await this.findIdsByUrlKeys([urlKey])).get(urlKey) : undefined;
    return existingId ? new SourceAddressTaken(url, existingId) : error;
  }

  /** Sources in use; removed ones are left out of every question below except `findNamesByIds`. */
  list(): Promise<SourceEntity[]> {
    return this.sources.find({ where: { removedAt: IsNull() }, order: { name: 'ASC' } });
  }

  findById(id: string): Promise<SourceEntity | null> {
    return this.sources.findOneBy({ id, removedAt: IsNull() });
  }

  /** Tags of sources by id (what watch rules filter on with `tag:`), removed ones too. */
  async tagsByIds(ids: string[]): Promise<Map<string, string[]>> {
    const rows = ids.length ? await this.sources.find({ where: { id: In([...new Set(ids)]) }, select: { id: true, tags: true } }) : [];
    return new Map(rows.map((row) => [row.id, row.tags]));
  }

  /** Names of sources by id, removed ones too: the items they brought in still name them. */
  async findNamesByIds(ids: string[]): Promise<Map<string, { name: string; removed: boolean }>> {
    const rows = ids.length ? await this.sources.find({ where: { id: In([...new Set(ids)]) }, select: { id: true, name: true, removedAt: true } }) : [];
    return new Map(rows.map((row) => [row.id, { name: row.name, removed: row.removedAt !== null }]));
  }

  findByUrls(urls: string[]): Promise<SourceEntity[]> {
    return urls.length ? this.sources.createQueryBuilder('source').where('source.url = ANY(:urls) AND source.removed_at IS NULL', { urls }).getMany() : Promise.resolve([]);
  }

  findDue(now: Date, limit: number): Promise<SourceEntity[]> {
    return this.sources.find({ where: { nextFetchAt: LessThanOrEqual(now), paused: false, removedAt: IsNull() }, order: { nextFetchAt: 'ASC' }, take: limit });
  }

  /**
   * Never polled again (a poll already queued finds no source). Its items stay as evidence unless `withItems`,
   * which deletes them with their snapshots and events in the same transaction and marks the source for the outbox
   * sweep to delete their documents from a separate search engine. Null when there was no such source.
   */
  async remove(id: string, now: Date, withItems: boolean): Promise<{ deletedItems: number } | null> {
    return this.sources.manager.transaction(async (manager) => {
      // Lock the row first, so a poll storing items right now cannot add one after they were deleted.
      // (As CTEs: TypeORM answers a bare UPDATE or DELETE with a row count, not its RETURNING rows.)
      const removed: unknown[] = await manager.query(
        `WITH removed AS (UPDATE sources SET removed_at = $2, paused = true, search_purge_pending = $3 WHERE id = $1 AND removed_at IS NULL RETURNING id) SELECT id FROM removed`,
        [id, now, withItems],
      );
      if (!removed.length) return null;
      if (!withItems) return { deletedItems: 0 };
      const deleted: { count: number }[] = await manager.query(
        `WITH deleted AS (DELETE FROM items WHERE source_id = $1 RETURNING id) SELECT count(*)::int AS count FROM deleted`,
        [id],
      );
      return { deletedItems: deleted[0]?.count ?? 0 };
    });
  }

  /** Sources removed with their items whose search documents are still to be deleted (see `remove`). */
  async findSearchPurgePending(limit: number): Promise<string[]> {
    const rows = await this.sources.find({ where: { searchPurgePending: true }, select: { id: true }, take: limit });
    return rows.map((row) => row.id);
  }

  async markSearchPurged(id: string): Promise<void> {
    await this.sources.update({ id }, { searchPurgePending: false });
  }

  /** A manual fetch forgives past failures: the next poll is now and backoff starts over. */
  async resetBackoff(id: string, now: Date): Promise<void> {
    await this.sources.update({ id }, { nextFetchAt: now, failureScore: 0 });
  }

  async recordSuccess(id: string, result: FetchSuccess): Promise<void> {
    await this.sources.update(
      { id },
      {
        lastFetchedAt: result.fetchedAt,
        lastSuccessAt: result.fetchedAt,
        nextFetchAt: result.nextFetchAt,
        pollIntervalSec: result.pollIntervalSec,
        etag: result.etag,
        lastModified: result.lastModified,
        bodyHash: result.bodyHash,
        lastError: null,
        lastErrorCode: null,
        lastErrorParams: null,
        consecutiveFailures: 0,
        failureScore: 0,
      },
    );
  }

  async recordFailure(id: string, failure: FetchFailure): Promise<void> {
    await this.sources
      .createQueryBuilder()
      .update()
      .set({
        lastFetchedAt: failure.fetchedAt,
        nextFetchAt: failure.nextFetchAt,
        lastError: failure.error,
        lastErrorCode: failure.code,
        lastErrorParams: failure.params,
        consecutiveFailures: () => 'consecutive_failures + 1',
        failureScore: () => `failure_score + ${Number(failure.weight)}`,
      })
      .where('id = :id', { id })
      .execute();
  }
}
