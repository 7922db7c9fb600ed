import { Client } from '@elastic/elasticsearch';

/** The one way Vigil connects to Elasticsearch, so the app and the tests talk to a node alike. */
export function createElasticsearchClient(url: string): Client {
  return new Client({ node: url, requestTimeout: 10_000 });
}
