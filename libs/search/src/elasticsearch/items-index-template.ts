import type { estypes } from '@elastic/elasticsearch';

/**
 * Settings and mappings of the items index: the `template` part of the index template that
 * `ElasticsearchSearchEngine.prepare()` installs, and a valid body for creating the next index
 * version by hand. ops/elasticsearch/items-index-template.json must stay equal to it (a spec checks).
 */
export interface ItemsIndexTemplate {
  settings: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
}

/** The `_source` the engine writes per item. */
export interface ItemsIndexDocument {
  id: string;
  sourceId: string;
  title: string;
  text: string;
  /** `toSearchFields(item).title`: the same folding the PostgreSQL engine uses, computed in Node. */
  titleFolded: string;
  /** `toSearchFields(item).text`: folded text, plus namespaced stems for English items. */
  textFolded: string;
  url: string;
  language: string | null;
  /** ISO 8601, UTC. */
  publishedAt: string | null;
}

export const ITEMS_INDEX_TEMPLATE: ItemsIndexTemplate = {
  settings: {
    // No replica on a single-node cluster (stays green), one as soon as a second node joins.
    auto_expand_replicas: '0-1',
    analysis: {
      analyzer: {
        // Only core analysis parts (the stripped test distribution has no analysis-common, so no asciifolding):
        // folding is done in Node into the *Folded fields, the same function the PostgreSQL engine uses, so both
        // engines fold alike; title/text keep the words as written for exact-accent ranking.
        vigil_text: { type: 'standard', stopwords: '_none_' },
      },
    },
  },
  mappings: {
    // A field we do not map is a bug in the engine, not something to guess a type for.
    dynamic: 'strict',
    properties: {
      id: { type: 'keyword' },
      sourceId: { type: 'keyword' },
      title: { type: 'text', analyzer: 'vigil_text' },
      text: { type: 'text', analyzer: 'vigil_text' },
      // Kept in _source (not excluded) so a reindex into the next index version carries them over.
      titleFolded: { type: 'text', analyzer: 'vigil_text' },
      textFolded: { type: 'text', analyzer: 'vigil_text' },
      url: { type: 'keyword', index: false, doc_values: false },
      language: { type: 'keyword' },
      publishedAt: { type: 'date' },
    },
  },
};
