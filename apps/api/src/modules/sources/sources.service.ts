import { Inject, Injectable } from '@nestjs/common';
import { collectJobId, SourceDetector } from '@vigil/collection';
import { buildOpml, type OpmlOutline, readOpml } from '@vigil/parsing';
import { type OpmlImportResult, type SourceRemoval, SOURCE_KINDS, type SourceKind, type SourceView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock, defaultPollBounds, sourceUrlKey } from '@vigil/domain';
import { type NewSource, SourceActivityRepository, SourceAddressTaken, type SourceEntity, SourcesRepository } from '@vigil/persistence';
import { JobQueue } from '@vigil/queue';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { hasCredentials } from '../../common/field-rules';
import { validationFailed } from '../../common/validation-error.factory';
import { CreateSourceDto, DEFAULT_POLL_INTERVAL_SEC, type UpdateSourceDto } from './source.dto';
import { toSourceView } from './source.presenter';

const SPARKLINE_DAYS = 14;

@Injectable()
export class SourcesService {
  constructor(
    private readonly sources: SourcesRepository,
    private readonly activity: SourceActivityRepository,
    private readonly detector: SourceDetector,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Resolves `auto` (and checks the URL answers) before storing; a new source is collected at once. */
  async create(request: CreateSourceDto): Promise<SourceView> {
    // Before detection, no fetch for a known address; the store then refuses the feed a page advertises if known.
    await this.refuseKnown(request.url);
    const detected = await this.detector.detect(request.url, request.kind);
    // The request's URL was checked by the DTO; a feed a page advertises is checked here.
    if (hasCredentials(detected.url)) throw new VigilError('url_has_credentials', 'The feed this page advertises has user:password@ in its URL', { field: 'url' });
    const source = await refusingTaken(this.sources.create(withPollSettings({ ...request, ...detected }), this.clock.now()));
    if (!source.paused) await this.enqueueCollection(source.id, source.nextFetchAt);
    return this.view(source);
  }

  async update(id: string, changes: UpdateSourceDto): Promise<SourceView> {
    const current = await this.find(id);
    const bounds = {
      minPollIntervalSec: changes.minPollIntervalSec ?? current.minPollIntervalSec,
      maxPollIntervalSec: changes.maxPollIntervalSec ?? current.maxPollIntervalSec,
    };
    // The bounds must hold the user's interval; the adaptive one restarts from a newly set interval, else stays within the bounds.
    const configuredPollIntervalSec = changes.pollIntervalSec ?? current.configuredPollIntervalSec;
    checkBounds({ pollIntervalSec: configuredPollIntervalSec, ...bounds });
    const pollIntervalSec = changes.pollIntervalSec ?? Math.min(bounds.maxPollIntervalSec, Math.max(bounds.minPollIntervalSec, current.pollIntervalSec));
    const merged = { ...bounds, pollIntervalSec, configuredPollIntervalSec };
    const updated = await refusingTaken(this.sources.update(id, { ...changes, ...merged, name: changes.name?.trim() ?? current.name }));
    if (current.paused && changes.paused === false) return this.view(await this.collectNow(id));
    return this.view(updated ?? current);
  }

  async list(): Promise<SourceView[]> {
    return this.views(await this.sources.list());
  }

  async get(id: string): Promise<SourceView> {
    return this.view(await this.find(id));
  }

  async fetchNow(id: string): Promise<{ queued: true }> {
    const source = await this.find(id);
    if (source.paused) throw new VigilError('source_paused', `${source.name} is paused: resume it to fetch it`);
    await this.collectNow(id);
    return { queued: true };
  }

  /**
   * The source stops being polled at once and leaves the Sources list; its items stay as evidence, marked "source
   * removed", unless `withItems` deletes them too; a sweep then deletes their search documents at once (and later
   * again while the search engine is down: the source stays marked until it is done).
   */
  async remove(id: string, withItems: boolean): Promise<SourceRemoval> {
    const removed = await this.sources.remove(id, this.clock.now(), withItems);
    if (!removed) throw new VigilError('source_not_found', `No source with id ${id}`);
    if (withItems) await this.queue.enqueue('sweep-outbox', {});
    return { id, deletedItems: removed.deletedItems };
  }

  async importOpml(xml: string): Promise<OpmlImportResult> {
    const { outlines, withoutUrl } = readOpml(xml);
    // The same address spelt differently (scheme, www., trailing slash, tracking parameters) is the same source.
    const existing = await this.sources.findIdsByUrlKeys(outlines.flatMap((outline) => sourceUrlKey(outline.xmlUrl) ?? []));
    // Every outline to be added passes POST /api/sources's validation before any is stored: a refused file stores nothing.
    const requests = new Map<string, CreateSourceDto>();
    for (const outline of outlines) {
      const key = sourceUrlKey(outline.xmlUrl);
      if (key && !existing.has(key) && !requests.has(key)) requests.set(key, await validOpmlSource(outline));
    }
    const result: OpmlImportResult = {
      created: 0,
      skipped: withoutUrl.map((title) => ({ url: '', title, code: 'opml_outline_without_url', reason: 'an outline with neither an xmlUrl nor outlines inside' })),
    };
    for (const outline of outlines) {
      const key = sourceUrlKey(outline.xmlUrl);
      const existingId = key === null ? undefined : existing.get(key);
      if (existingId) {
        result.skipped.push({ url: outline.xmlUrl, code: 'source_exists', reason: 'already a source', existingId });
        continue;
      }
      if (key === null) {
        result.skipped.push({ url: outline.xmlUrl, code: 'url_not_http', reason: 'not an http(s) address' });
        continue;
      }
      const request = requests.get(key)!;
      try {
        const source = await this.sources.create(withPollSettings({ ...request, kind: request.kind as SourceKind }), this.clock.now());
        await this.enqueueCollection(source.id, source.nextFetchAt);
        existing.set(key, source.id);
        result.created += 1;
      } catch (error) {
        // Added by someone else since the file was read.
        if (!(error instanceof SourceAddressTaken)) throw error;
        existing.set(key, error.existingId);
        result.skipped.push({ url: outline.xmlUrl, code: 'source_exists', reason: 'already a source', existingId: error.existingId });
      }
    }
    return result;
  }

  async exportOpml(): Promise<string> {
    const sources = await this.sources.list();
    const outlines = sources.map((source) => ({ title: source.name, xmlUrl: source.url, htmlUrl: null, tags: source.tags, kind: source.kind }));
    return buildOpml('Vigil sources', outlines, this.clock.now());
  }

  private async refuseKnown(url: string): Promise<void> {
    const key = sourceUrlKey(url);
    const existingId = key === null ? undefined : (await this.sources.findIdsByUrlKeys([key])).get(key);
    if (existingId !== undefined) throw sourceExists(url, existingId);
  }

  private async find(id: string): Promise<SourceEntity> {
    const source = await this.sources.findById(id);
    if (!source) throw new VigilError('source_not_found', `No source with id ${id}`);
    return source;
  }

  private async view(source: SourceEntity): Promise<SourceView> {
    const [view] = await this.views([source]);
    return view;
  }

  private async views(sources: SourceEntity[]): Promise<SourceView[]> {
    const now = this.clock.now();
    const ids = sources.map((source) => source.id);
    const [daily, rhythm] = await Promise.all([this.activity.dailyCounts(ids, now, SPARKLINE_DAYS), this.activity.publishingRhythm(ids, now)]);
    return sources.map((source) => toSourceView(source, { dailyItemCounts: daily.get(source.id) ?? [], rhythm: rhythm.get(source.id) ?? null }, now));
  }

  /** Due now, backoff forgiven, and queued at once (a fresh due time, so no finished job id stands in the way). */
  private async collectNow(id: string): Promise<SourceEntity> {
    const now = this.clock.now();
    await this.sources.resetBackoff(id, now);
    await this.enqueueCollection(id, now);
    return this.find(id);
  }

  /** Queued under the id the scheduler would give the same due poll, so the two never fetch it twice. */
  private async enqueueCollection(sourceId: string, dueAt: Date): Promise<void> {
    await this.queue.enqueue('collect-source', { sourceId }, { jobId: collectJobId(sourceId, dueAt) });
  }
}

type SourceRequest = Partial<Omit<NewSource, 'name' | 'url' | 'kind'>> & Pick<NewSource, 'name' | 'url' | 'kind'>;

/** Fills poll bounds and defaults around the requested interval, refusing bounds that exclude it. */
function withPollSettings(request: SourceRequest): NewSource {
  const pollIntervalSec = request.pollIntervalSec ?? DEFAULT_POLL_INTERVAL_SEC;
  const defaults = defaultPollBounds(pollIntervalSec);
  const settings = {
    pollIntervalSec,
    minPollIntervalSec: request.minPollIntervalSec ?? Math.min(defaults.minPollIntervalSec, pollIntervalSec),
    maxPollIntervalSec: request.maxPollIntervalSec ?? Math.max(defaults.maxPollIntervalSec, pollIntervalSec),
  };
  checkBounds(settings);
  return {
    name: request.name.trim(),
    url: request.url,
    kind: request.kind,
    ...settings,
    languageHint: request.languageHint ?? null,
    weight: request.weight ?? 50,
    tags: request.tags ?? [],
    paused: request.paused ?? false,
    listing: request.listing ?? null,
  };
}

function checkBounds(settings: { pollIntervalSec: number; minPollIntervalSec: number; maxPollIntervalSec: number }): void {
  if (settings.minPollIntervalSec > settings.pollIntervalSec || settings.pollIntervalSec > settings.maxPollIntervalSec) {
    throw new VigilError('poll_bounds_invalid', 'pollIntervalSec must lie between minPollIntervalSec and maxPollIntervalSec', { field: 'pollIntervalSec' });
  }
}

/** The source an outline stands for, as POST /api/sources would accept it; refused as that route refuses it. */
async function validOpmlSource(outline: OpmlOutline): Promise<CreateSourceDto> {
  const kind: SourceKind = SOURCE_KINDS.find((candidate) => candidate === outline.kind) ?? 'rss';
  // As the CLI import does: a long title (only a label) is shortened and tags past 20 (folders as deep) are left out.
  const request = plainToInstance(CreateSourceDto, { name: outline.title.slice(0, 200), url: outline.xmlUrl, kind, tags: outline.tags.slice(0, 20) });
  const errors = await validate(request, { whitelist: true, forbidNonWhitelisted: true });
  if (!errors.length) return request;
  const refusal = validationFailed(errors);
  const url = hasCredentials(outline.xmlUrl) ? undefined : outline.xmlUrl.slice(0, 200);
  throw new VigilError(refusal.code, `OPML outline${url === undefined ? '' : ` ${url}`}: ${refusal.message}`, {
    ...(refusal.field === undefined ? {} : { field: refusal.field }),
    ...(url === undefined ? {} : { details: { url } }),
  });
}

/** 409 with the existing source's id, so a client can point at it. */
function sourceExists(url: string, existingId: string): VigilError {
  return new VigilError('source_exists', `A source with the address ${url} already exists (${existingId})`, { field: 'url', details: { existingId, url } });
}

/** A write the store refused because another source in use has the address, as the API's refusal. */
async function refusingTaken<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw error instanceof SourceAddressTaken ? sourceExists(error.url, error.existingId) : error;
  }
}
