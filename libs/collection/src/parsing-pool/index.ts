export { createParsingPool, DEFAULT_PARSE_TIMEOUT_MS, ParseTaskError, ParsingPool, ParsingPoolBusyError, type ParsingPoolOptions } from './parsing-pool';
export type { ParsingKind } from './parsing-tasks';
