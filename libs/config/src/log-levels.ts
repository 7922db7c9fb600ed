import { ConsoleLogger, type LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const NEST_NAME = { fatal: 'fatal', error: 'error', warn: 'warn', info: 'log', debug: 'debug', trace: 'verbose' } as const;

type VigilLogLevel = keyof typeof NEST_NAME | 'silent';

/** The Nest log levels LOG_LEVEL lets through: its own and every more severe one. */
export function nestLogLevels(level: VigilLogLevel): LogLevel[] | false {
  if (level === 'silent') return false;
  return ORDER.slice(0, ORDER.indexOf(NEST_NAME[level]) + 1);
}

/** Nest's console lines, stamped in ISO 8601 (UTC) instead of the machine's locale, so they sort and parse anywhere. */
class IsoTimestampLogger extends ConsoleLogger {
  protected override getTimestamp(): string {
    return new Date().toISOString();
  }
}

/** The logger a server process (API, ingestor) runs with at LOG_LEVEL; false when silent. Colours only on a terminal. */
export function serverLogger(level: VigilLogLevel): ConsoleLogger | false {
  const logLevels = nestLogLevels(level);
  return logLevels === false ? false : new IsoTimestampLogger({ logLevels, colors: process.stdout.isTTY === true });
}
