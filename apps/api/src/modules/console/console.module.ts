import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { VigilConfig } from '@vigil/config';

/** Serves the built console at `/`, with every unknown non-API path falling back to its index.html. */
@Module({})
export class ConsoleModule {
  static forRoot(config: VigilConfig): DynamicModule {
    const rootPath = resolve(config.consoleDir ?? 'apps/console/dist');
    if (!existsSync(resolve(rootPath, 'index.html'))) {
      new Logger(ConsoleModule.name).warn(`No built console in ${rootPath} (run npm run build:console); serving the API only`);
      return { module: ConsoleModule };
    }
    return {
      module: ConsoleModule,
      imports: [ServeStaticModule.forRoot({ rootPath, exclude: ['/api/{*path}', '/health{/*path}', '/socket.io/{*path}'] })],
    };
  }
}
