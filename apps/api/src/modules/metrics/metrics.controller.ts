import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { VigilError } from '@vigil/contracts';
import { MetricsScrape } from '@vigil/metrics';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/access.decorators';

/**
 * Prometheus' scrape target: this process's metrics in the text format. An operations endpoint, not part of the
 * documented API; sign-in does not apply (Prometheus holds no session), a configured token does.
 */
@ApiExcludeController()
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(
    private readonly scrape: MetricsScrape,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
  ) {}

  @Get()
  async metrics(@Headers('authorization') authorization: string | undefined, @Res() response: Response): Promise<void> {
    const token = this.config.metrics.token;
    if (token && !sameSecret(authorization ?? '', `Bearer ${token}`)) {
      throw new VigilError('unauthenticated', 'GET /metrics needs the configured bearer token (VIGIL_METRICS_TOKEN)');
    }
    response.type(this.scrape.contentType).send(await this.scrape.render());
  }
}

/** Compares digests, so neither the length nor the content of the token leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
