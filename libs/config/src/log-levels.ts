import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { currentLogContext } from './log-context';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const NEST_NAME = { fatal: 'fatal', error: 'error', warn: 'warn', info: 'log', debug: 'debug', trace: 'verbose' } as const;

type VigilLogLevel = keyof typeof NEST_NAME | 'silent';
export type LogFormat = 'text' | 'json';

// Structured values logged with a message never carry these, whatever their nesting.
const REDACTED_KEYS = ['authorization', 'cookie', 'password', 'token', 'accessToken', 'secret'];

/** The Nest log levels LOG_LEVEL lets through: its own and every more severe one. */
export function nestLogLevels(level: VigilLogLevel): LogLevel[] | false {
  if (level === 'silent') return false;
  return ORDER.slice(0, ORDER.indexOf(NEST_NAME[level]) + 1);
}

/**
 * Nest's console logger, stamped in ISO 8601 (UTC) instead of the machine's locale, so lines sort and parse anywhere,
 * and carrying the request or job id of the work that logged. In JSON one record is one line: a CR or LF in a
 * message stays escaped inside it, so input cannot forge a line.
 */
class VigilLogger extends ConsoleLogger {
  protected override getTimestamp(): string {
    return new Date().toISOString();
  }

  protected override getJsonLogObject(message: unknown, options: Parameters<ConsoleLogger['getJsonLogObject']>[1]): ReturnType<ConsoleLogger['getJsonLogObject']> {
    return { ...super.getJsonLogObject(message, options), ...currentLogContext() };
  }

  protected override formatContext(context: string): string {
    const { requestId, jobId } = currentLogContext() ?? {};
    const ids = [requestId && `req ${requestId}`, jobId && `job ${jobId}`].filter(Boolean).join(' ');
    return super.formatContext(ids ? `${context}${context ? ' ' : ''}${ids}` : context);
  }
}

/**
 * The logger a server process (API, ingestor) runs with at LOG_LEVEL, as text (colours only on a terminal) or as
 * JSON lines (LOG_FORMAT); false when silent.
 */
export function serverLogger(level: VigilLogLevel, format: LogFormat = 'text'): ConsoleLogger | false {
  const logLevels = nestLogLevels(level);
  if (logLevels === false) return false;
  return new VigilLogger({ logLevels, json: format === 'json', colors: format === 'text' && process.stdout.isTTY === true, redact: REDACTED_KEYS });
}
