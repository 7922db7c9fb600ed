import { Controller, Get, Logger, ServiceUnavailableException } from '@nestjs/common';
import { type Liveness, VigilError } from '@vigil/contracts';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
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
   * Readiness: 200 when database, queue and search are usable, else 503 `dependency_unavailable` whose
   * `details.dependency` names what is not (`database`, `queue`, `search`, comma-separated). The probes' own
   * messages (hosts, database names) go to the log only: this route is public.
   */
  @Get()
  @HealthCheck()
  @Answers('HealthReport')
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.components.database(), () => this.components.jobQueue(), () => this.components.searchEngine()]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as Partial<HealthCheckResult>;
      const down = Object.keys(result.error ?? {});
      this.logger.warn(`Not ready: ${JSON.stringify(result.error)}`);
      throw new VigilError('dependency_unavailable', `Not ready: ${down.join(', ')} down`, {
        details: { dependency: down.join(','), retryAfterSec: 5 },
        cause: error,
      });
    }
  }

  /** Liveness: the process answers. */
  @Get('live')
  @Answers('Liveness')
  live(): Liveness {
    return { status: 'ok' };
  }
}
