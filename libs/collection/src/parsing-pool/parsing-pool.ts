import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';
import { workerThreadFile } from '@vigil/config';
import { type ExtractedArticle, type ListingRule, type ParsedFeed, type ParsedSitemap, type ParseFeedOptions } from '@vigil/parsing';
import { type ParsingKind, type ParsingTask, type ParsingTasks, type TimedParsingOutcome, unwrapOutcome } from './parsing-tasks';

export interface ParsingPoolOptions {
  /** Threads that parse at once; default one fewer than the cores, 1 to 4, so the event loop keeps a core. */
  threads?: number;
  /** Longest one task may run (waiting for a thread not included) before its thread is stopped. */
  timeoutMs?: number;
  /** Tasks that may wait for a thread; one more is refused with ParsingPoolBusyError. */
  maxQueue?: number;
}

export const DEFAULT_PARSE_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_QUEUE = 256;
// A document that makes a parser allocate without bound ends its own thread, not the process.
const THREAD_HEAP_LIMIT_MB = 2048;
// V8 sizes a thread's young generation from its heap limit (up to 48 MiB for 2 GiB). A parse's short-lived garbage
// fits in far less, and the default kept ~15 MiB more resident per thread while collecting (bench memory figure).
const THREAD_YOUNG_GENERATION_MB = 16;
const IDLE_THREAD_MS = 60_000;

const LABELS: Record<ParsingKind, string> = {
  feed: 'Feed parsing',
  sitemap: 'Sitemap parsing',
  listing: 'Listing page parsing',
  discovery: 'Feed discovery',
  article: 'Article extraction',
  snapshot: 'Snapshot sanitising',
};

/** A document the pool gave up on (too slow or too big to parse): the item or source it came from is failing. */
export class ParseTaskError extends Error {
  override readonly name = 'ParseTaskError';

  constructor(
    readonly kind: ParsingKind,
    readonly reason: 'timeout' | 'crashed',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Too much parsing queued already: transient, so the job fails and retries later. */
export class ParsingPoolBusyError extends Error {
  override readonly name = 'ParsingPoolBusyError';
}

/**
 * CPU-heavy parsing (feeds, sitemaps, listing pages, article extraction, snapshot sanitising) on worker threads,
 * so a 15 MiB page never stalls the API's event loop. One per process (a CollectionModule provider).
 *
 * A task's time limit counts from the moment its thread starts it (the thread says so on a port), so tasks
 * waiting behind a big page, or for a thread to start, do not time out for having waited.
 */
export class ParsingPool implements OnApplicationShutdown {
  readonly threads: number;
  readonly timeoutMs: number;
  private readonly piscina: Piscina<{ task: ParsingTask; started: MessagePort }, TimedParsingOutcome>;
  private readonly maxQueue: number;
  /** Tasks given to piscina and not yet settled; counted here since piscina does not bound tasks that carry an AbortSignal. */
  private pending = 0;
  private closed = false;

  constructor(options: ParsingPoolOptions = {}) {
    this.threads = options.threads ?? Math.min(4, Math.max(1, availableParallelism() - 1));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
    this.maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
    this.piscina = new Piscina({
      filename: workerThreadFile(import.meta.url, 'libs/collection/src/parsing-pool/parsing.worker.js').href,
      // One thread always stays: piscina replaces a thread stopped by a time limit only up to minThreads, and
      // with none left, tasks queued behind the stopped one would wait forever. Extra threads leave when idle.
      minThreads: 1,
      maxThreads: this.threads,
      idleTimeout: IDLE_THREAD_MS,
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_LIMIT_MB, maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
    });
  }

  parseFeed(text: string, options: ParseFeedOptions = {}): Promise<ParsedFeed> {
    return this.run('feed', { text, options });
  }

  parseSitemap(text: string, baseUrl: string): Promise<ParsedSitemap> {
    return this.run('sitemap', { text, baseUrl });
  }

  extractListingLinks(html: string, pageUrl: string, rule: ListingRule = {}): Promise<string[]> {
    return this.run('listing', { html, pageUrl, rule });
  }

  discoverFeeds(html: string, pageUrl: string): Promise<string[]> {
    return this.run('discovery', { html, pageUrl });
  }

  extractArticle(html: string, pageUrl: string): Promise<ExtractedArticle> {
    return this.run('article', { html, pageUrl });
  }

  /** The archived page's bytes (gzip) as safe HTML, without the banner (see snapshotDocument). */
  sanitizeSnapshot(bodyGzip: Uint8Array, contentType: string | null, pageUrl: string): Promise<string> {
    return this.run('snapshot', { bodyGzip, contentType, pageUrl });
  }

  /** Stops every thread; tasks still running or waiting are refused. */
  async destroy(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.piscina.destroy();
  }

  /** After the queue has let its active jobs finish (QueueModule drains before shutdown), nothing parses any more. */
  async onApplicationShutdown(): Promise<void> {
    await this.destroy();
  }

  private async run<K extends ParsingKind>(kind: K, input: ParsingTasks[K]['input']): Promise<ParsingTasks[K]['output']> {
    if (this.closed) throw closedError();
    if (this.pending >= this.threads + this.maxQueue) {
      throw new ParsingPoolBusyError(`The parsing pool is busy: ${this.pending - this.threads} tasks are waiting for a thread`);
    }
    this.pending += 1;
    const { port1: startedHere, port2: started } = new MessageChannel();
    const limit = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // A busy event loop reads the thread's start late: the timer allows only what is left of the limit.
    startedHere.once('message', (startedAt: number) => {
      timer = setTimeout(() => limit.abort(), Math.max(0, this.timeoutMs - (Date.now() - startedAt)));
    });
    let timed: TimedParsingOutcome;
    try {
      timed = await this.piscina.run({ task: { kind, input } as ParsingTask, started }, { signal: limit.signal, transferList: [started] });
    } catch (error) {
      throw this.failure(kind, error);
    } finally {
      this.pending -= 1;
      clearTimeout(timer);
      startedHere.close();
    }
    // The limit holds even when the timer could not fire in time: a task that ran past it fails the same way.
    if (timed.elapsedMs > this.timeoutMs) throw this.timeoutError(kind);
    return unwrapOutcome<K>(timed.outcome);
  }

  private timeoutError(kind: ParsingKind, cause?: unknown): ParseTaskError {
    return new ParseTaskError(kind, 'timeout', `${LABELS[kind]} stopped after ${this.timeoutMs / 1000} s: the document is too large or too complex`, { cause });
  }

  private failure(kind: ParsingKind, error: unknown): Error {
    if (this.closed) return closedError();
    if (error instanceof Error && error.name === 'AbortError') {
      return this.timeoutError(kind, error);
    }
    // Every error a parser throws comes back as an outcome: a rejection means the thread itself ended (out of memory).
    const reason = error instanceof Error ? error.message : String(error);
    return new ParseTaskError(kind, 'crashed', `${LABELS[kind]} failed: its thread ended (${reason})`, { cause: error });
  }
}

function closedError(): Error {
  return new Error('The parsing pool is shut down');
}

/** A pool outside Nest (the bench, scripts); the caller destroys it. */
export function createParsingPool(options: ParsingPoolOptions = {}): ParsingPool {
  return new ParsingPool(options);
}
