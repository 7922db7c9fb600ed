import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ListingRule, SourceFailureCode, SourceFailureParams, SourceKind } from '@vigil/contracts';
import { LessThanOrEqual, Repository } from 'typeorm';
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

export type SourceChanges = Partial<NewSource>;

export interface FetchSuccess {
  fetchedAt: Date;
  nextFetchAt: Date;
  pollIntervalSec: number;
  etag: string | null;
  lastModified: string | null;
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

@Injectable()
export class SourcesRepository {
  constructor(@InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>) {}

  create(source: NewSource, now: Date): Promise<SourceEntity> {
    return this.sources.save(this.sources.create({ ...source, nextFetchAt: now }));
  }

  async update(id: string, changes: SourceChanges): Promise<SourceEntity | null> {
    if (Object.keys(changes).length) await this.sources.update({ id }, changes);
    return this.findById(id);
  }

  list(): Promise<SourceEntity[]> {
    return this.sources.find({ order: { name: 'ASC' } });
  }

  findById(id: string): Promise<SourceEntity | null> {
    return this.sources.findOneBy({ id });
  }

  findByUrls(urls: string[]): Promise<SourceEntity[]> {
    return urls.length ? this.sources.createQueryBuilder('source').where('source.url = ANY(:urls)', { urls }).getMany() : Promise.resolve([]);
  }

  findDue(now: Date, limit: number): Promise<SourceEntity[]> {
    return this.sources.find({ where: { nextFetchAt: LessThanOrEqual(now), paused: false }, order: { nextFetchAt: 'ASC' }, take: limit });
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
