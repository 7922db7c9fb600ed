export * from './collection.module';
export * from './collection-worker.module';
export * from './source-detector';
export * from './opml/opml';
export * from './snapshot/snapshot-page';
export { linkPatternProblem, runParseFeed } from './parsing/feeds';
export { runExtract } from './parsing/article';
export { collectJobId } from './schedule-due-sources.processor';
export { decodeText } from './http';
