import { AsyncLocalStorage } from 'node:async_hooks';

/** What a log line is about: the HTTP request or the job being worked on, so one request's lines can be found together. */
export interface LogContext {
  requestId?: string;
  jobId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` (and everything it awaits or schedules) with these ids on every log line it writes. */
export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
