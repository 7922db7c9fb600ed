import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Set by Jest's global setup (test/parsing-pool.global-setup.cjs): a swc build of libs/ made for this test run. */
export const COMPILED_LIBS_VARIABLE = 'VIGIL_TEST_COMPILED_LIBS';
const WORKER_IN_LIBS = 'libs/collection/src/parsing-pool/parsing.worker.js';

/**
 * Where the pool's threads load their entry from. Built (`node dist/…`, swc output), the worker sits beside this
 * module. Run from TypeScript sources (Jest, ESM VM modules), it cannot: worker threads are plain Node and bypass
 * Jest's transform, and Node 20 loads no .ts. Rather than a TypeScript loader inside every thread (none is
 * installed, and loader hooks in workers differ across Node versions), Jest's global setup compiles libs/ with
 * swc — the same compiler and .swcrc as `npm run build:server` — into a directory of its own for that run, so the
 * threads run the current sources with or without a prior build, and parallel runs never share files.
 */
export function parsingWorkerFile(): URL {
  if (import.meta.url.endsWith('.js')) return new URL('./parsing.worker.js', import.meta.url);
  const compiled = process.env[COMPILED_LIBS_VARIABLE];
  const file = compiled ? join(compiled, WORKER_IN_LIBS) : null;
  if (!file || !existsSync(file)) {
    throw new Error(`The parsing worker is not built: run from dist/ (npm run build:server) or under Jest, whose global setup sets ${COMPILED_LIBS_VARIABLE}`);
  }
  return pathToFileURL(file);
}
