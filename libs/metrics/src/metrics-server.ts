import { Logger } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { MetricsScrape } from './metrics-scrape';

export interface MetricsServerOptions {
  port: number;
  /** The interface to listen on, HOST like the API's (in compose, Prometheus scrapes across the network). */
  host: string;
  /** Asked for as `Authorization: Bearer <token>` when set, as on the API. */
  token: string | null;
}

/** /metrics on a port of its own, for the ingestor (it has no HTTP API). */
export async function serveMetrics(scrape: MetricsScrape, { port, host, token }: MetricsServerOptions): Promise<Server> {
  const logger = new Logger('MetricsServer');
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    if (token && request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return;
    }
    scrape.render().then(
      (body) => response.writeHead(200, { 'content-type': scrape.contentType }).end(body),
      (error: Error) => {
        logger.warn(`Metrics scrape failed: ${error.message}`);
        response.writeHead(503).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  logger.log(`Metrics at http://${host}:${port}/metrics`);
  return server;
}
