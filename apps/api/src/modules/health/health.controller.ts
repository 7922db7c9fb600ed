import { Controller, Get, Logger, ServiceUnavailableException } from '@nestjs/common';
import { type HealthReport, type Liveness, VigilError } from '@vigil/contracts';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import { Answers } from '../../common/api-answers';
import { Public } from '../auth/access.decorators';
import { ComponentHealthIndicator } from './component-health.indicator';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly health: HealthCheckService,
    private readonly components: ComponentHealthIndicator,
  ) {}

  /**
   * Readiness: 200 when the database and the queue are usable — `ok`, or `degraded` when search is not (writes go on
   * and the index outbox fills; search answers 503 meanwhile) — else 503 `dependency_unavailable` whose
   * `details.dependency` names what is not (`database`, `queue`, `search`, comma-separated). The probes' own
   * messages (hosts, database names) go to the log only: this route is public.
   */
  @Get()
  @Answers('HealthReport')
  async ready(): Promise<HealthReport> {
    const [core, search] = await Promise.all([
      this.health.check([() => this.components.database(), () => this.components.jobQueue()]).catch((error: unknown) => {
        if (error instanceof ServiceUnavailableException) return error;
        throw error;
      }),
      this.components.searchEngine(),
    ]);
    const searchUp = search.search?.status === 'up';
    if (core instanceof ServiceUnavailableException) {
      const result = core.getResponse() as Partial<HealthCheckResult>;
      const down = [...Object.keys(result.error ?? {}), ...(searchUp ? [] : ['search'])];
      this.logger.warn(`Not ready: ${JSON.stringify({ ...result.error, ...(searchUp ? {} : search) })}`);
      throw new VigilError('dependency_unavailable', `Not ready: ${down.join(', ')} down`, {
        details: { dependency: down.join(','), retryAfterSec: 5 },
        cause: core,
      });
    }
    if (!searchUp) this.logger.warn(`Degraded: ${JSON.stringify(search)}`);
    const searchPart = withoutMessage(search);
    return {
      status: searchUp ? 'ok' : 'degraded',
      info: { ...parts(core.info), ...(searchUp ? searchPart : {}) },
      error: searchUp ? {} : searchPart,
      details: { ...parts(core.details), ...searchPart },
    };
  }

  /** Liveness: the process answers. */
  @Get('live')
  @Answers('Liveness')
  live(): Liveness {
    return { status: 'ok' };
  }
}

type Parts = HealthReport['details'];

const parts = (result: object | undefined): Parts => (result ?? {}) as Parts;

/** A down probe's message names hosts: it goes to the log, not to this public answer. */
function withoutMessage(result: HealthIndicatorResult): Parts {
  return Object.fromEntries(Object.entries(parts(result)).map(([key, { status, mode, engine, backlog, lagSeconds }]) => [key, { status, mode, engine, backlog, lagSeconds }]));
}
