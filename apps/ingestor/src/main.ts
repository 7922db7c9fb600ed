import { NestFactory } from '@nestjs/core';
import { ConfigurationError, loadConfig, serverLogger } from '@vigil/config';
import { IngestorModule } from './ingestor.module';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.queue.redisUrl) {
    throw new ConfigurationError('Invalid configuration — REDIS_URL: the ingestor takes jobs from Redis; without it, npm start runs collection inside the API');
  }
  const app = await NestFactory.createApplicationContext(IngestorModule.forRoot(config), { logger: serverLogger(config.logLevel, config.logFormat) });
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
