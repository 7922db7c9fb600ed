import { Client } from '@elastic/elasticsearch';
import { ElasticsearchSearchEngine } from './elasticsearch-search.engine';
import { startFakeElasticsearch } from './fake-elasticsearch.server';

// The request shape only: no Elasticsearch node runs in the test environment, so what the node does with it is
// not exercised here.
describe('ElasticsearchSearchEngine.removeSource', () => {
  it('deletes by query every document of the source through the alias, refreshed, past version conflicts', async () => {
    const es = await startFakeElasticsearch({ 'POST /test-items/_delete_by_query': { status: 200, body: { took: 2, deleted: 3, failures: [] } } });
    const client = new Client({ node: es.url, maxRetries: 0, requestTimeout: 5000 });
    try {
      await new ElasticsearchSearchEngine(client, { indexPrefix: 'test-' }).removeSource('source-1');
      expect(es.requests.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
        { method: 'POST', path: '/test-items/_delete_by_query', query: { conflicts: 'proceed', refresh: 'true' } },
      ]);
      expect(JSON.parse(es.requests[0]!.body)).toEqual({ query: { term: { sourceId: 'source-1' } } });
    } finally {
      await client.close();
      await es.close();
    }
  });
});
