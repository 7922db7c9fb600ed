import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** GET /metrics; the instruments themselves come from the global MetricsModule of @vigil/metrics. */
@Module({ controllers: [MetricsController] })
export class MetricsApiModule {}
