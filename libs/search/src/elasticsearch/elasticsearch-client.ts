import { Client } from '@elastic/elasticsearch';

export type ElasticsearchClient = Client;

/** The one way Vigil connects to Elasticsearch, so the app and the tests talk to a node alike. */
export function createElasticsearchClient(url: string): ElasticsearchClient {
  return new Client({ node: url, requestTimeout: 10_000 });
}
