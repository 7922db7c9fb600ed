export { extractArticle, type ExtractedArticle, type ExtractOptions } from './extract-article';
export { canonicalizeUrl, canonicalCandidate } from './canonical-url';
export { parsePublishedDate, DEFAULT_TIME_ZONE } from './published-date';
export { runExtract, type CommandResult } from './extract.command';
