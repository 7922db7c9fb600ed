import { DynamicModule, Global, Module } from '@nestjs/common';
import { loadConfig, VigilConfig } from './vigil-config';

export const VIGIL_CONFIG = Symbol('VIGIL_CONFIG');

/** Validated configuration for the whole process; tests pass their own environment. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(environment: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config: VigilConfig = loadConfig(environment);
    return { module: ConfigModule, providers: [{ provide: VIGIL_CONFIG, useValue: config }], exports: [VIGIL_CONFIG] };
  }
}
