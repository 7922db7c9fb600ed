import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { MetricsScrape, serveMetrics } from '@vigil/metrics';
import type { Server } from 'node:http';

/** The ingestor's /metrics, on VIGIL_METRICS_PORT when set (compose sets it; Prometheus scrapes every ingestor). */
@Injectable()
export class IngestorMetricsEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(
    private readonly scrape: MetricsScrape,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ingestorPort, token } = this.config.metrics;
    if (ingestorPort) this.server = await serveMetrics(this.scrape, { port: ingestorPort, host: this.config.host, token });
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
