/** The Elasticsearch engine and client, loaded only where a cluster is used: the client alone keeps ~18 MiB resident. */
export const loadElasticsearch = () => import('./elasticsearch');
