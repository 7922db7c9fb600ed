import { Client } from '@elastic/elasticsearch';
import type { SearchDocument } from '../search-engine';
import { ElasticsearchSearchEngine } from './elasticsearch-search.engine';
import { type FakeResponse, type Routes, startFakeElasticsearch } from './fake-elasticsearch.server';

// Only what a real node cannot be made to do on cue: lose a creation race to another replica, answer with
// seven rejections at once, go red, or be a proxy in front of nothing. Everything else the engine does is checked
// against a real Elasticsearch by test/search/search-contract.e2e-spec.ts.
const acknowledged: FakeResponse = { status: 200, body: { acknowledged: true } };
const alreadyExists: FakeResponse = {
  status: 400,
  body: { error: { type: 'resource_already_exists_exception', reason: 'index exists' }, status: 400 },
};

function buildDocument(id: string): SearchDocument {
  return { id, sourceId: 'source-1', title: 'Thông tin sai lệch', text: 'Bài viết.', url: 'https://example.vn/a', language: 'vi', publishedAt: null };
}

describe('ElasticsearchSearchEngine, where a real node cannot be made to misbehave', () => {
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  async function setup(routes: Routes): Promise<{ engine: ElasticsearchSearchEngine; close: () => Promise<void> }> {
    const es = await startFakeElasticsearch(routes);
    const client = new Client({ node: es.url, maxRetries: 0, requestTimeout: 5000 });
    cleanups.push(() => client.close(), () => es.close());
    return { engine: new ElasticsearchSearchEngine(client, { indexPrefix: 'test-' }), close: () => es.close() };
  }

  it('accepts losing the race for the first index to another replica that attached the alias', async () => {
    let aliasChecks = 0;
    const { engine } = await setup({
      'PUT /_index_template/test-items': acknowledged,
      'HEAD /_alias/test-items': () => ({ status: ++aliasChecks === 1 ? 404 : 200 }),
      'PUT /test-items-v1': alreadyExists,
    });

    await expect(engine.prepare()).resolves.toBeUndefined();
  });

  it('fails when test-items-v1 exists but nothing attached the alias', async () => {
    const { engine } = await setup({
      'PUT /_index_template/test-items': acknowledged,
      'HEAD /_alias/test-items': { status: 404 },
      'PUT /test-items-v1': alreadyExists,
    });

    await expect(engine.prepare()).rejects.toThrow('resource_already_exists_exception');
  });

  it('lists the first five rejections of a bulk and counts the rest', async () => {
    const ids = Array.from({ length: 7 }, (_, n) => `item-${n}`);
    const error = { type: 'mapper_parsing_exception', reason: 'bad' };
    const { engine } = await setup({
      'POST /test-items/_bulk': {
        status: 200,
        body: { took: 3, errors: true, items: ids.map((id) => ({ index: { _index: 'test-items-v1', _id: id, status: 400, error } })) },
      },
    });

    await expect(engine.index(ids.map(buildDocument))).rejects.toThrow(
      /^Elasticsearch rejected 7 of 7 documents: item-0: .*item-4: 400 mapper_parsing_exception \(bad\); and 2 more$/,
    );
  });

  it('fails the health ping when the cluster is red', async () => {
    const { engine } = await setup({ 'GET /_cluster/health': { status: 200, body: { cluster_name: 'vigil', status: 'red' } } });

    await expect(engine.ping()).rejects.toThrow('Elasticsearch cluster vigil is red');
  });

  it('fails the health ping when the address answers 404, as a proxy in front of nothing would', async () => {
    const { engine } = await setup({ 'GET /_cluster/health': { status: 404 } });

    await expect(engine.ping()).rejects.toThrow();
  });

  it('fails the health ping when nothing listens on the address any more', async () => {
    const { engine, close } = await setup({});
    await close();

    await expect(engine.ping()).rejects.toThrow();
  });
});
