import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ComponentHealthIndicator } from './component-health.indicator';
import { HealthController } from './health.controller';

@Module({ imports: [TerminusModule], controllers: [HealthController], providers: [ComponentHealthIndicator] })
export class HealthModule {}
