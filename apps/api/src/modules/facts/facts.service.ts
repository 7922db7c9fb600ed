import { Inject, Injectable } from '@nestjs/common';
import { type FactPage, type FactView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock, isFactExpired, officeDay } from '@vigil/domain';
import { type FactRow, FactsRepository } from '@vigil/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { CreateFactDto, FactListQueryDto, UpdateFactDto } from './fact.dto';

const DEFAULT_PAGE = 50;

@Injectable()
export class FactsService {
  constructor(
    private readonly facts: FactsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(body: CreateFactDto, user: AuthUser): Promise<FactView> {
    const validFrom = body.validFrom ?? body.statedOn;
    const validUntil = body.validUntil ?? null;
    checkDates(validFrom, validUntil);
    const fact = await this.facts.create(
      {
        statement: body.statement,
        sourceName: body.sourceName,
        sourceUrl: body.sourceUrl ?? null,
        statedOn: body.statedOn,
        validFrom,
        validUntil,
        tags: body.tags ?? [],
        language: body.language,
        createdBy: user.id,
      },
      this.clock.now(),
    );
    return this.view(fact);
  }

  async list(query: FactListQueryDto): Promise<FactPage> {
    const today = officeDay(this.clock.now());
    const page = await this.facts.search({
      q: query.q,
      tags: query.tag,
      language: query.language,
      validOn: query.valid === 'true' ? today : undefined,
      invalidOn: query.valid === 'false' ? today : undefined,
      limit: query.limit ?? DEFAULT_PAGE,
      offset: query.offset ?? 0,
    });
    return { facts: page.facts.map((fact) => toFactView(fact, today)), total: page.total };
  }

  async get(id: string): Promise<FactView> {
    const fact = await this.facts.findById(id);
    if (!fact) throw notFound(id);
    return this.view(fact);
  }

  /** The dates are checked as they will stand: a new validUntil against the kept validFrom, and the other way round. */
  async update(id: string, body: UpdateFactDto): Promise<FactView> {
    const changes = withoutUndefined(body);
    const updated = await this.facts.update(
      id,
      (current) => {
        checkDates(changes.validFrom ?? current.validFrom, changes.validUntil === undefined ? current.validUntil : changes.validUntil);
        return changes;
      },
      this.clock.now(),
    );
    if (!updated) throw notFound(id);
    return this.view(updated);
  }

  private view(fact: FactRow): FactView {
    return toFactView(fact, officeDay(this.clock.now()));
  }
}

function checkDates(validFrom: string, validUntil: string | null): void {
  if (validUntil !== null && validUntil < validFrom) {
    throw new VigilError('fact_dates_invalid', `validUntil ${validUntil} is before validFrom ${validFrom}`, { field: 'validUntil' });
  }
}

function withoutUndefined<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function notFound(id: string): VigilError {
  return new VigilError('fact_not_found', `No fact ${id}`);
}

export function toFactView(fact: FactRow, today: string): FactView {
  return {
    id: fact.id,
    statement: fact.statement,
    sourceName: fact.sourceName,
    sourceUrl: fact.sourceUrl,
    statedOn: fact.statedOn,
    validFrom: fact.validFrom,
    validUntil: fact.validUntil,
    expired: isFactExpired(fact, today),
    tags: fact.tags,
    language: fact.language,
    createdBy: fact.createdBy,
    createdAt: fact.createdAt.toISOString(),
    updatedAt: fact.updatedAt.toISOString(),
  };
}
