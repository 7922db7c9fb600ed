import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Set by Jest's global setup (test/worker-threads.global-setup.cjs): a swc build of libs/ made for this test run. */
export const COMPILED_LIBS_VARIABLE = 'VIGIL_TEST_COMPILED_LIBS';

/**
 * Where a worker thread loads its entry from. Built (`node dist/…`, swc output), the entry sits beside the module
 * that starts the thread. Run from TypeScript sources (Jest, ESM VM modules), it cannot: worker threads are plain
 * Node and bypass Jest's transform, and Node 20 loads no .ts. Rather than a TypeScript loader inside every thread
 * (none is installed, and loader hooks in workers differ across Node versions), Jest's global setup compiles libs/
 * with swc — the same compiler and .swcrc as `npm run build:server` — into a directory of its own for that run, so
 * threads run the current sources with or without a prior build, and parallel runs never share files.
 *
 * @param starterUrl `import.meta.url` of the module that starts the thread
 * @param entryInLibs the entry's compiled path under the repository, e.g. `libs/x/src/y.worker.js`
 */
export function workerThreadFile(starterUrl: string, entryInLibs: string): URL {
  if (starterUrl.endsWith('.js')) return new URL(`./${basename(entryInLibs)}`, starterUrl);
  const compiled = process.env[COMPILED_LIBS_VARIABLE];
  const file = compiled ? join(compiled, entryInLibs) : null;
  if (!file || !existsSync(file)) {
    throw new Error(`The worker thread ${basename(entryInLibs)} is not built: run from dist/ (npm run build:server) or under Jest, whose global setup sets ${COMPILED_LIBS_VARIABLE}`);
  }
  return pathToFileURL(file);
}
