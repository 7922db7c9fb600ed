import { DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, type Clock, systemClock } from '@vigil/domain';
import type { VigilConfig } from './vigil-config';

export const VIGIL_CONFIG = Symbol('VIGIL_CONFIG');

/** Validated configuration and the clock for the whole process; read once by main.ts (tests bring their own clock). */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: VigilConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: VIGIL_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [VIGIL_CONFIG, CLOCK],
    };
  }
}
