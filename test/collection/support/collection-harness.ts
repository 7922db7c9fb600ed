import type { CreateSourceRequest, ItemDetail, ItemPage, ItemSummary, SourceView } from '@vigil/contracts';
import { waitFor } from '@vigil/testing';
import { startVigil, type VigilTestApp } from '../../support/vigil-test-app';

/** How long one pipeline step (poll → parse → store → enrich → index) may take on a slow CI machine. */
export const PIPELINE_TIMEOUT_MS = 30_000;

/** Longest a clean shutdown may take: active jobs finish (each fetch is bounded by its deadline), then everything closes. */
export const SHUTDOWN_TIMEOUT_MS = 25_000;

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * A running Vigil (API + collection worker) with an admin signed in, and the questions the collection specs
 * ask it. Politeness delays are off (VIGIL_HOST_INTERVAL_MS=0) unless a spec sets them.
 */
export class CollectionHarness {
  private constructor(
    readonly vigil: VigilTestApp,
    readonly token: string,
  ) {}

  static async start(extraEnv: Record<string, string> = {}): Promise<CollectionHarness> {
    const vigil = await startVigil({ VIGIL_HOST_INTERVAL_MS: '0', ...extraEnv });
    try {
      return new CollectionHarness(vigil, await vigil.adminToken());
    } catch (error) {
      await vigil.close();
      throw error;
    }
  }

  /** Shuts Vigil down; a shutdown that hangs fails here, with a reason, instead of stalling the whole run. */
  async close(timeoutMs = SHUTDOWN_TIMEOUT_MS): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hung = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Vigil did not shut down within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      await Promise.race([this.vigil.close(), hung]);
    } finally {
      clearTimeout(timer);
    }
  }

  async addSource(request: CreateSourceRequest): Promise<SourceView> {
    const { status, body } = await this.vigil.request<SourceView>('POST', '/api/sources', { token: this.token, body: { pollIntervalSec: 600, ...request } });
    if (status !== 201) throw new Error(`POST /api/sources answered ${status}: ${JSON.stringify(body)}`);
    return body;
  }

  async source(id: string): Promise<SourceView> {
    const { status, body } = await this.vigil.request<SourceView>('GET', `/api/sources/${id}`, { token: this.token });
    if (status !== 200) throw new Error(`GET /api/sources/${id} answered ${status}`);
    return body;
  }

  /** Every item of a source, newest first. */
  async items(sourceId: string): Promise<ItemSummary[]> {
    const { status, body } = await this.vigil.request<ItemPage>('GET', `/api/items?sourceId=${sourceId}&limit=100`, { token: this.token });
    if (status !== 200) throw new Error(`GET /api/items answered ${status}`);
    return body.items;
  }

  async item(id: string): Promise<ItemDetail> {
    const { status, body } = await this.vigil.request<ItemDetail>('GET', `/api/items/${id}`, { token: this.token });
    if (status !== 200) throw new Error(`GET /api/items/${id} answered ${status}`);
    return body;
  }

  async search(q: string, sourceId?: string): Promise<ItemPage> {
    const query = new URLSearchParams({ q, limit: '100', ...(sourceId ? { sourceId } : {}) });
    const { status, body } = await this.vigil.request<ItemPage>('GET', `/api/items?${query}`, { token: this.token });
    if (status !== 200) throw new Error(`GET /api/items?${query} answered ${status}`);
    return body;
  }

  /** Waits until the source has stored at least `count` items, and returns them. */
  waitForItems(sourceId: string, count: number, timeoutMs = PIPELINE_TIMEOUT_MS): Promise<ItemSummary[]> {
    return waitFor(
      `${count} item(s) of source ${sourceId}`,
      async () => {
        const items = await this.items(sourceId);
        return items.length >= count ? items : undefined;
      },
      timeoutMs,
    );
  }

  /** Waits until the source's health satisfies `ready`, and returns the source. */
  waitForSource(sourceId: string, description: string, ready: (source: SourceView) => boolean, timeoutMs = PIPELINE_TIMEOUT_MS): Promise<SourceView> {
    let last: SourceView | undefined;
    return waitFor(
      `source ${sourceId} ${description}`,
      async () => {
        last = await this.source(sourceId);
        return ready(last) ? last : undefined;
      },
      timeoutMs,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last seen: ${JSON.stringify(last?.health)} lastFetchedAt=${last?.lastFetchedAt}`);
    });
  }

  waitForFailing(sourceId: string, timeoutMs = PIPELINE_TIMEOUT_MS): Promise<SourceView> {
    return this.waitForSource(sourceId, 'to be failing', (source) => source.health.status === 'failing', timeoutMs);
  }

  /** Waits until the item's page has been archived (its first snapshot exists) and returns the item. */
  waitForSnapshots(itemId: string, count = 1, timeoutMs = PIPELINE_TIMEOUT_MS): Promise<ItemDetail> {
    return waitFor(
      `${count} snapshot(s) of item ${itemId}`,
      async () => {
        const item = await this.item(itemId);
        return item.snapshots.length >= count ? item : undefined;
      },
      timeoutMs,
    );
  }

  /**
   * Waits until the item's page has been archived and its article stored: a snapshot exists and the text holds
   * the story's last paragraph (the snapshot is written before the extracted article, so it alone proves little).
   */
  waitForArticle(itemId: string, article: { paragraphs: string[] }, timeoutMs = PIPELINE_TIMEOUT_MS): Promise<ItemDetail> {
    const last = article.paragraphs[article.paragraphs.length - 1]!;
    let seen: ItemDetail | undefined;
    return waitFor(
      `item ${itemId} to be enriched from its page`,
      async () => {
        seen = await this.item(itemId);
        return seen.snapshots.length > 0 && seen.text.includes(last) ? seen : undefined;
      },
      timeoutMs,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last seen: snapshots=${seen?.snapshots.length} title=${JSON.stringify(seen?.title)} text=${JSON.stringify(seen?.text.slice(0, 300))}`);
    });
  }

  /**
   * Waits for the source to list exactly these article URLs and for each item to be enriched from its page;
   * returns the items in the order given.
   */
  async waitForArticles(sourceId: string, expected: { url: string; article: { paragraphs: string[] } }[]): Promise<ItemDetail[]> {
    const items = await this.waitForItems(sourceId, expected.length);
    if (items.length !== expected.length) throw new Error(`Source ${sourceId} has ${items.length} items, expected ${expected.length}: ${items.map((item) => item.url).join(', ')}`);
    return Promise.all(
      expected.map(({ url, article }) => {
        const item = items.find((candidate) => candidate.url === url);
        if (!item) throw new Error(`No item for ${url} among: ${items.map((candidate) => candidate.url).join(', ')}`);
        return this.waitForArticle(item.id, article);
      }),
    );
  }

  /** A request with a raw (non-JSON) body or answer, signed in as the admin. */
  async raw(method: string, path: string, options: { body?: string; contentType?: string } = {}): Promise<RawResponse> {
    const response = await fetch(`${this.vigil.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(options.contentType ? { 'content-type': options.contentType } : {}) },
      body: options.body,
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }
}

export function byTitle<T extends { title: string }>(items: T[], title: string): T {
  const found = items.find((item) => item.title === title);
  if (!found) throw new Error(`No item titled "${title}" among: ${items.map((item) => JSON.stringify(item.title)).join(', ')}`);
  return found;
}

export function heapUsedMiB(): number {
  return process.memoryUsage().heapUsed / (1024 * 1024);
}
