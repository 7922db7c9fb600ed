// Pure parsing: documents in, data out. No network, no database, no files — fetching lives in @vigil/collection,
// and the collection worker runs these functions on its worker threads.
export * from './feeds';
export {
  extractArticle,
  type ExtractedArticle,
  type ExtractOptions,
  canonicalizeUrl,
  canonicalCandidate,
  parsePublishedDate,
  runExtract,
} from './article';
export * from './opml/opml';
export { htmlToText } from './feeds/html-text';
export { resolveHttpUrl } from './feeds/url-resolve';
