import type { LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const NEST_NAME = { fatal: 'fatal', error: 'error', warn: 'warn', info: 'log', debug: 'debug', trace: 'verbose' } as const;

/** The Nest log levels LOG_LEVEL lets through: its own and every more severe one. */
export function nestLogLevels(level: keyof typeof NEST_NAME | 'silent'): LogLevel[] | false {
  if (level === 'silent') return false;
  return ORDER.slice(0, ORDER.indexOf(NEST_NAME[level]) + 1);
}
