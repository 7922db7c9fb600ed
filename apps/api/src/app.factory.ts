import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { serverLogger, type VigilConfig } from '@vigil/config';
import { CLOCK, type Clock } from '@vigil/domain';
import { VigilMetrics } from '@vigil/metrics';
import cookieParser from 'cookie-parser';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { JSON_PARSER_OPTIONS, rejectDeepJson } from './common/json-body-limits';
import { buildOpenApiDocument } from './common/openapi-document';
import { assignRequestIds } from './common/request-id';
import { securityHeaders } from './common/security-headers';
import { serverTimeHeader } from './common/server-time-header';
import { validationFailed } from './common/validation-error.factory';
import { rejectCrossSiteRequests } from './modules/auth/cross-site-requests';
import { recordHttpDurations } from './modules/metrics/http-metrics';

/** Builds the configured API application; main.ts listens on it, tests too (on their own clock). */
export async function createApiApp(config: VigilConfig, options: { logger?: false; clock?: Clock } = {}): Promise<INestApplication> {
  // A failed start throws to the caller (main.ts exits with it; a test fails alone) instead of Nest exiting the process.
  // Closing ends the connections still open once the shutdown hooks have run: a live-feed client that reconnected
  // while the job queue drained holds a long-poll, and would otherwise keep the HTTP server from ever closing.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock), {
    logger: options.logger ?? serverLogger(config.logLevel, config.logFormat),
    abortOnError: false,
    forceCloseConnections: true,
  });
  // Which proxies' X-Forwarded-* to believe: the client address, HTTPS and the origin are read through it.
  app.set('trust proxy', config.http.trustProxy);
  app.use(assignRequestIds);
  app.use(recordHttpDurations(app.get(VigilMetrics)));
  app.use(securityHeaders());
  app.use(serverTimeHeader(app.get<Clock>(CLOCK)));
  app.use(cookieParser());
  // Before the body parsers, so a refused cross-site body is never parsed.
  app.use(rejectCrossSiteRequests);
  // Registered here rather than by Nest, so each route's size limit applies and the depth check below runs after
  // every parser (Nest would add its own after this middleware).
  app.useBodyParser('json', JSON_PARSER_OPTIONS);
  app.useBodyParser('urlencoded', { extended: true });
  // OPML uploads arrive as the raw document.
  app.useBodyParser('text', { type: ['text/x-opml', 'application/x-opml', 'text/xml', 'application/xml'], limit: '5mb' });
  app.use(rejectDeepJson);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationFailed }));
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app));
  return app;
}
