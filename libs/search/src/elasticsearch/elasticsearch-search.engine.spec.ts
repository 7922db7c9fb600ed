import { Client } from '@elastic/elasticsearch';
import { toSearchText } from '@vigil/domain';
import type { SearchDocument } from '../search-engine';
import { ElasticsearchSearchEngine } from './elasticsearch-search.engine';
import {
  type FakeElasticsearch,
  type FakeResponse,
  type RecordedRequest,
  type Routes,
  startFakeElasticsearch,
} from './fake-elasticsearch.server';
import { ITEMS_INDEX_TEMPLATE, type ItemsIndexDocument } from './items-index-template';

const acknowledged: FakeResponse = { status: 200, body: { acknowledged: true } };
const aliasMissing: FakeResponse = { status: 404 };
const aliasPresent: FakeResponse = { status: 200 };
const indexCreated: FakeResponse = {
  status: 200,
  body: { acknowledged: true, shards_acknowledged: true, index: 'test-items-v1' },
};

function searchAnswer(ids: string[], total: number, relation: 'eq' | 'gte' = 'eq'): FakeResponse {
  return {
    status: 200,
    body: {
      took: 1,
      timed_out: false,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: {
        total: { value: total, relation },
        max_score: null,
        hits: ids.map((id) => ({ _index: 'test-items-v1', _id: id, _score: null })),
      },
    },
  };
}

function bulkAnswer(items: { id: string; status: number; error?: { type: string; reason: string } }[]): FakeResponse {
  return {
    status: 200,
    body: {
      took: 3,
      errors: items.some((item) => item.error !== undefined),
      items: items.map(({ id, status, error }) => ({ index: { _index: 'test-items-v1', _id: id, status, error } })),
    },
  };
}

function buildDocument(overrides: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id: 'item-1',
    sourceId: 'source-1',
    title: 'Thông tin sai lệch về Đà Nẵng',
    text: 'Bài viết lan truyền trên mạng xã hội.',
    url: 'https://example.vn/bai-viet',
    language: 'vi',
    publishedAt: new Date('2026-03-01T08:30:00Z'),
    ...overrides,
  };
}

function ndjson(body: string): unknown[] {
  return body
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/** The clause one query word adds to the folded fields: its folded token or its namespaced stem. */
function foldedGroup(token: string, stem: string): unknown {
  const match = (query: string) => ({
    multi_match: { query, fields: ['titleFolded^3', 'textFolded'], type: 'cross_fields', operator: 'and' },
  });
  return { bool: { should: [match(token), match(stem)], minimum_should_match: 1 } };
}

/** The folded tokens a search request asks for, space-separated. */
function foldedTokensOf(body: unknown): string {
  const { query } = body as {
    query: { bool: { should: [{ bool: { must: { bool: { should: { multi_match: { query: string } }[] } }[] } }] } };
  };
  return query.bool.should[0].bool.must.map((group) => group.bool.should[0].multi_match.query).join(' ');
}

describe('ElasticsearchSearchEngine', () => {
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  async function setup(routes: Routes): Promise<{ engine: ElasticsearchSearchEngine; es: FakeElasticsearch }> {
    const es = await startFakeElasticsearch(routes);
    // No retries, so every request the engine makes shows up exactly once.
    const client = new Client({ node: es.url, maxRetries: 0, requestTimeout: 5000 });
    cleanups.push(() => client.close(), () => es.close());
    return { engine: new ElasticsearchSearchEngine(client, { indexPrefix: 'test-' }), es };
  }

  function bodyOf(request: RecordedRequest | undefined): unknown {
    return JSON.parse(request?.body ?? 'null') as unknown;
  }

  it('is the elasticsearch engine', async () => {
    const { engine } = await setup({});
    expect(engine.name).toBe('elasticsearch');
  });

  describe('prepare', () => {
    it('puts the index template for every items index version, with the shared settings and mappings', async () => {
      const { engine, es } = await setup({
        'PUT /_index_template/test-items': acknowledged,
        'HEAD /_alias/test-items': aliasPresent,
      });

      await engine.prepare();

      const [put] = es.requests;
      expect(put?.method).toBe('PUT');
      expect(put?.path).toBe('/_index_template/test-items');
      expect(bodyOf(put)).toEqual({
        index_patterns: ['test-items-*'],
        priority: 200,
        template: ITEMS_INDEX_TEMPLATE,
      });
    });

    it('creates test-items-v1 behind the test-items alias when the alias does not exist', async () => {
      const { engine, es } = await setup({
        'PUT /_index_template/test-items': acknowledged,
        'HEAD /_alias/test-items': aliasMissing,
        'PUT /test-items-v1': indexCreated,
      });

      await engine.prepare();

      expect(es.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
        'PUT /_index_template/test-items',
        'HEAD /_alias/test-items',
        'PUT /test-items-v1',
      ]);
      // Settings and mappings come from the template, so the index body carries only the alias.
      expect(bodyOf(es.requests[2])).toEqual({ aliases: { 'test-items': {} } });
    });

    it('creates no index on a second prepare, once the alias exists', async () => {
      let aliasExists = false;
      const { engine, es } = await setup({
        'PUT /_index_template/test-items': acknowledged,
        'HEAD /_alias/test-items': () => (aliasExists ? aliasPresent : aliasMissing),
        'PUT /test-items-v1': () => {
          aliasExists = true;
          return indexCreated;
        },
      });

      await engine.prepare();
      es.requests.length = 0;
      await engine.prepare();

      expect(es.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
        'PUT /_index_template/test-items',
        'HEAD /_alias/test-items',
      ]);
    });

    it('accepts losing the race for the first index to another replica that attached the alias', async () => {
      let aliasChecks = 0;
      const { engine } = await setup({
        'PUT /_index_template/test-items': acknowledged,
        'HEAD /_alias/test-items': () => (++aliasChecks === 1 ? aliasMissing : aliasPresent),
        'PUT /test-items-v1': {
          status: 400,
          body: { error: { type: 'resource_already_exists_exception', reason: 'index exists' }, status: 400 },
        },
      });

      await expect(engine.prepare()).resolves.toBeUndefined();
    });

    it('fails when test-items-v1 exists but nothing attached the alias', async () => {
      const { engine } = await setup({
        'PUT /_index_template/test-items': acknowledged,
        'HEAD /_alias/test-items': aliasMissing,
        'PUT /test-items-v1': {
          status: 400,
          body: { error: { type: 'resource_already_exists_exception', reason: 'index exists' }, status: 400 },
        },
      });

      await expect(engine.prepare()).rejects.toThrow('resource_already_exists_exception');
    });
  });

  describe('index', () => {
    it('writes every document through the alias in one bulk request, with its id as _id', async () => {
      const { engine, es } = await setup({
        'POST /test-items/_bulk': bulkAnswer([
          { id: 'item-1', status: 201 },
          { id: 'item-2', status: 201 },
        ]),
      });

      await engine.index([
        buildDocument(),
        buildDocument({ id: 'item-2', title: 'Hoà giải', text: '', language: null, publishedAt: null }),
      ]);

      expect(es.requests).toHaveLength(1);
      const [bulk] = es.requests;
      expect(bulk?.contentType).toContain('x-ndjson');
      // require_alias keeps a write before prepare() from creating a concrete index named like the alias.
      expect(bulk?.query).toEqual({ require_alias: 'true' });
      expect(ndjson(bulk?.body ?? '')).toEqual([
        { index: { _id: 'item-1' } },
        {
          id: 'item-1',
          sourceId: 'source-1',
          title: 'Thông tin sai lệch về Đà Nẵng',
          text: 'Bài viết lan truyền trên mạng xã hội.',
          titleFolded: 'thong tin sai lech ve da nang',
          textFolded: 'bai viet lan truyen tren mang xa hoi',
          url: 'https://example.vn/bai-viet',
          language: 'vi',
          publishedAt: '2026-03-01T08:30:00.000Z',
        },
        { index: { _id: 'item-2' } },
        {
          id: 'item-2',
          sourceId: 'source-1',
          // Items keep the publisher's spelling; the ranking field takes the one form queries are normalised to.
          title: 'Hòa giải',
          text: '',
          titleFolded: 'hoa giai',
          textFolded: '',
          url: 'https://example.vn/bai-viet',
          language: null,
          publishedAt: null,
        },
      ]);
    });

    it('indexes the same folded title for "Hoà", "Hòa" and a decomposed "Hòa"', async () => {
      const { engine, es } = await setup({ 'POST /test-items/_bulk': bulkAnswer([]) });
      const titles = ['Hoà giải', 'Hòa giải', 'Hòa giải'.normalize('NFD')];

      await engine.index(titles.map((title, n) => buildDocument({ id: `item-${n}`, title })));

      const sources = ndjson(es.requests[0]?.body ?? '').filter((_, n) => n % 2 === 1) as ItemsIndexDocument[];
      const folded = sources.map((source) => source.titleFolded);
      expect(folded).toEqual(['hoa giai', 'hoa giai', 'hoa giai']);
    });

    it('adds the namespaced stems of an English item to its folded text, and only to an English item', async () => {
      const { engine, es } = await setup({ 'POST /test-items/_bulk': bulkAnswer([]) });

      await engine.index([
        buildDocument({ id: 'en', title: 'Ministry rejects claims', text: 'Officials said', language: 'en' }),
        buildDocument({ id: 'vi', title: 'Máy bơm', text: 'Hay hỏng', language: 'vi' }),
      ]);

      const sources = ndjson(es.requests[0]?.body ?? '').filter((_, n) => n % 2 === 1) as ItemsIndexDocument[];
      expect(sources.map(({ titleFolded, textFolded }) => ({ titleFolded, textFolded }))).toEqual([
        { titleFolded: 'ministry rejects claims', textFolded: 'officials said qxministri qxreject qxclaim qxoffici qxsaid' },
        { titleFolded: 'may bom', textFolded: 'hay hong' },
      ]);
    });

    it('does not ask Elasticsearch to refresh on every write', async () => {
      const { engine, es } = await setup({ 'POST /test-items/_bulk': bulkAnswer([{ id: 'item-1', status: 201 }]) });

      await engine.index([buildDocument()]);

      expect(es.requests[0]?.query).not.toHaveProperty('refresh');
    });

    it('sends nothing for an empty batch', async () => {
      const { engine, es } = await setup({});

      await engine.index([]);

      expect(es.requests).toEqual([]);
    });

    it('throws an error naming each document Elasticsearch rejected', async () => {
      const { engine } = await setup({
        'POST /test-items/_bulk': bulkAnswer([
          { id: 'item-1', status: 201 },
          {
            id: 'item-2',
            status: 400,
            error: { type: 'mapper_parsing_exception', reason: 'failed to parse field [publishedAt]' },
          },
          { id: 'item-3', status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } },
        ]),
      });
      const documents = ['item-1', 'item-2', 'item-3'].map((id) => buildDocument({ id }));

      await expect(engine.index(documents)).rejects.toThrow(
        'Elasticsearch rejected 2 of 3 documents: ' +
          'item-2: 400 mapper_parsing_exception (failed to parse field [publishedAt]); ' +
          'item-3: 429 es_rejected_execution_exception (queue full)',
      );
    });

    it('lists the first five rejections and counts the rest', async () => {
      const ids = Array.from({ length: 7 }, (_, n) => `item-${n}`);
      const { engine } = await setup({
        'POST /test-items/_bulk': bulkAnswer(
          ids.map((id) => ({ id, status: 400, error: { type: 'mapper_parsing_exception', reason: 'bad' } })),
        ),
      });

      await expect(engine.index(ids.map((id) => buildDocument({ id })))).rejects.toThrow(
        /^Elasticsearch rejected 7 of 7 documents: item-0: .*item-4: 400 mapper_parsing_exception \(bad\); and 2 more$/,
      );
    });
  });

  describe('search', () => {
    it('sends one query over the folded and the original fields, best match first, then newest', async () => {
      const { engine, es } = await setup({ 'POST /test-items/_search': searchAnswer([], 0) });

      await engine.search({ q: 'Thông tin sai lệch', limit: 20, offset: 40 });

      expect(bodyOf(es.requests[0])).toEqual({
        query: {
          bool: {
            should: [
              {
                bool: {
                  must: [
                    foldedGroup('thong', 'qxthong'),
                    foldedGroup('tin', 'qxtin'),
                    foldedGroup('sai', 'qxsai'),
                    foldedGroup('lech', 'qxlech'),
                  ],
                },
              },
              {
                multi_match: {
                  query: 'Thông tin sai lệch',
                  fields: ['title^3', 'text'],
                  type: 'cross_fields',
                  operator: 'and',
                },
              },
            ],
            minimum_should_match: 1,
            filter: [],
          },
        },
        sort: [
          { _score: { order: 'desc' } },
          { publishedAt: { order: 'desc', missing: '_last' } },
          { id: { order: 'asc' } },
        ],
        from: 40,
        size: 20,
        track_total_hits: 1_000,
        _source: false,
      });
    });

    const spellings = [
      'thong tin sai lech',
      'THÔNG TIN SAI LỆCH',
      'Thông tin sai lệch'.normalize('NFD'),
      ' thông tin, sai lệch!',
    ];
    it.each(spellings)(
      'folds the query so "%s" matches "Thông tin sai lệch"',
      async (typed) => {
        const { engine, es } = await setup({ 'POST /test-items/_search': searchAnswer([], 0) });

        await engine.search({ q: typed, limit: 10, offset: 0 });

        expect(foldedTokensOf(bodyOf(es.requests[0]))).toBe(toSearchText('Thông tin sai lệch'));
      },
    );

    it('queries the original fields with one tone-mark placement, so "hoà" and "hòa" rank alike', async () => {
      const { engine, es } = await setup({ 'POST /test-items/_search': searchAnswer([], 0) });

      await engine.search({ q: 'hoà giải', limit: 10, offset: 0 });

      expect(bodyOf(es.requests[0])).toMatchObject({
        query: { bool: { should: [{}, { multi_match: { query: 'hòa giải' } }] } },
      });
      expect(foldedTokensOf(bodyOf(es.requests[0]))).toBe('hoa giai');
    });

    it('lets every query word match its folded token or its English stem, so "rejecting" finds "rejects"', async () => {
      const { engine, es } = await setup({ 'POST /test-items/_search': searchAnswer([], 0) });

      await engine.search({ q: 'rejecting claim', limit: 10, offset: 0 });

      expect(bodyOf(es.requests[0])).toMatchObject({
        query: { bool: { should: [{ bool: { must: [foldedGroup('rejecting', 'qxreject'), foldedGroup('claim', 'qxclaim')] } }, {}] } },
      });
    });

    it('filters by source when a sourceId is given', async () => {
      const { engine, es } = await setup({ 'POST /test-items/_search': searchAnswer([], 0) });

      await engine.search({ q: 'tin giả', sourceId: 'source-7', limit: 10, offset: 0 });

      expect(bodyOf(es.requests[0])).toMatchObject({
        query: { bool: { filter: [{ term: { sourceId: 'source-7' } }] } },
      });
    });

    it('returns the hit ids in the order Elasticsearch ranked them, with the exact total', async () => {
      const { engine } = await setup({ 'POST /test-items/_search': searchAnswer(['item-9', 'item-2', 'item-5'], 42) });

      await expect(engine.search({ q: 'tin giả', limit: 3, offset: 0 })).resolves.toEqual({
        ids: ['item-9', 'item-2', 'item-5'],
        total: 42,
        totalIsEstimate: false,
      });
    });

    it('says the total is a lower bound when Elasticsearch stopped counting', async () => {
      const { engine } = await setup({ 'POST /test-items/_search': searchAnswer(['item-1'], 1_000, 'gte') });

      await expect(engine.search({ q: 'tin', limit: 1, offset: 0 })).resolves.toMatchObject({ total: 1_000, totalIsEstimate: true });
    });

    it('sorts newest first, without scores, when asked to', async () => {
      const { engine, es } = await setup({ 'POST /test-items/_search': searchAnswer([], 0) });

      await engine.search({ q: 'tin giả', sort: 'newest', limit: 10, offset: 0 });

      expect(bodyOf(es.requests[0])).toMatchObject({
        sort: [{ publishedAt: { order: 'desc', missing: '_last' } }, { id: { order: 'asc' } }],
      });
    });

    it('finds nothing, without asking Elasticsearch, when the query has no letters or digits', async () => {
      const { engine, es } = await setup({});

      await expect(engine.search({ q: ' ?! ', limit: 10, offset: 0 })).resolves.toEqual({ ids: [], total: 0, totalIsEstimate: false });
      expect(es.requests).toEqual([]);
    });
  });

  describe('refresh', () => {
    it('refreshes the indices behind the alias', async () => {
      const { engine, es } = await setup({
        'GET /test-items/_refresh': { status: 200, body: { _shards: { total: 1, successful: 1, failed: 0 } } },
      });

      await engine.refresh();

      expect(es.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /test-items/_refresh']);
    });
  });

  describe('ping', () => {
    it('resolves when the cluster answers', async () => {
      const { engine, es } = await setup({ 'HEAD /': { status: 200 } });

      await expect(engine.ping()).resolves.toBeUndefined();
      expect(es.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['HEAD /']);
    });

    it('throws when the cluster answers 503', async () => {
      const { engine } = await setup({ 'HEAD /': { status: 503 } });

      await expect(engine.ping()).rejects.toThrow();
    });

    it('throws when the address answers 404, as a proxy in front of nothing would', async () => {
      const { engine } = await setup({ 'HEAD /': { status: 404 } });

      await expect(engine.ping()).rejects.toThrow('Elasticsearch did not answer the ping');
    });

    it('throws when nothing listens on the address any more', async () => {
      const { engine, es } = await setup({ 'HEAD /': { status: 200 } });
      await es.close();

      await expect(engine.ping()).rejects.toThrow();
    });
  });
});
