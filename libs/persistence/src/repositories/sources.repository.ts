import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { SourceKind } from '@vigil/contracts';
import { LessThanOrEqual, Repository } from 'typeorm';
import { SourceEntity } from '../entities/source.entity';

export interface NewSource {
  name: string;
  url: string;
  kind: SourceKind;
  pollIntervalSec: number;
}

export interface FetchSuccess {
  fetchedAt: Date;
  nextFetchAt: Date;
  etag: string | null;
  lastModified: string | null;
}

export interface FetchFailure {
  fetchedAt: Date;
  nextFetchAt: Date;
  error: string;
}

@Injectable()
export class SourcesRepository {
  constructor(@InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>) {}

  create(source: NewSource, now: Date): Promise<SourceEntity> {
    return this.sources.save(this.sources.create({ ...source, nextFetchAt: now }));
  }

  list(): Promise<SourceEntity[]> {
    return this.sources.find({ order: { name: 'ASC' } });
  }

  findById(id: string): Promise<SourceEntity | null> {
    return this.sources.findOneBy({ id });
  }

  findDue(now: Date, limit: number): Promise<SourceEntity[]> {
    return this.sources.find({ where: { nextFetchAt: LessThanOrEqual(now) }, order: { nextFetchAt: 'ASC' }, take: limit });
  }

  async recordSuccess(id: string, result: FetchSuccess): Promise<void> {
    await this.sources.update(
      { id },
      {
        lastFetchedAt: result.fetchedAt,
        lastSuccessAt: result.fetchedAt,
        nextFetchAt: result.nextFetchAt,
        etag: result.etag,
        lastModified: result.lastModified,
        lastError: null,
        consecutiveFailures: 0,
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
        consecutiveFailures: () => 'consecutive_failures + 1',
      })
      .where('id = :id', { id })
      .execute();
  }
}
