import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// Seconds: a job or a request of a few milliseconds up to a long page fetch or parse.
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * This process's Prometheus registry and every instrument Vigil records. Labels stay bounded: job names, routes as
 * declared (`/api/items/:id`), event types, deadline firing kinds and source ids, never item ids or free text.
 */
export class VigilMetrics {
  readonly registry = new Registry();

  readonly itemsCollected = new Counter({
    name: 'vigil_items_collected_total',
    help: 'Items stored by collection, per source: new ones and new versions of changed ones.',
    labelNames: ['source_id', 'kind'] as const,
    registers: [this.registry],
  });

  readonly jobWait = new Histogram({
    name: 'vigil_job_wait_seconds',
    help: 'How long a job waited for a worker after it became due.',
    labelNames: ['job'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly jobRun = new Histogram({
    name: 'vigil_job_run_seconds',
    help: 'How long a job ran, by outcome (completed, failed, deferred).',
    labelNames: ['job', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly queueDepth = new Gauge({
    name: 'vigil_queue_jobs',
    help: 'Jobs not finished yet, by state: waiting (due), delayed (retries, deferrals), active.',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  readonly indexBacklog = new Gauge({
    name: 'vigil_index_backlog_items',
    help: 'Items the search engine does not have yet (the index outbox; 0 when PostgreSQL searches its own tables).',
    registers: [this.registry],
  });

  readonly indexLag = new Gauge({
    name: 'vigil_index_lag_seconds',
    help: 'Age of the oldest item waiting for the search engine.',
    registers: [this.registry],
  });

  readonly liveEventLatency = new Histogram({
    name: 'vigil_live_event_latency_seconds',
    help: 'From a live event being stored to its broadcast by this API process, by type (flag.created: the flag-to-alert latency).',
    labelNames: ['type'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly deadlineFirings = new Counter({
    name: 'vigil_deadline_firings_total',
    help: 'Deadline warnings, breaches and reminders fired by this process.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'vigil_http_request_duration_seconds',
    help: 'HTTP requests by method, route as declared, and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  /** This app's instruments and the process's own metrics, in Prometheus' text format. */
  render(): Promise<string> {
    return Registry.merge([this.registry, processMetrics()]).metrics();
  }
}

let processRegistry: Registry | null = null;

/**
 * Node's process metrics (memory, CPU, event-loop lag, GC), collected once per process however many apps it hosts:
 * each collection keeps an event-loop monitor running for good, and a test process starts hundreds of apps.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'vigil_' });
  }
  return processRegistry;
}
