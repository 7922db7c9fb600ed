// Worker threads (the parsing pool's, the embedded database's) are plain Node: they do not go through Jest's swc
// transform, and Node 20 loads no TypeScript. So, once per Jest run, libs/ is compiled with the build's own swc and
// .swcrc into a directory of this run's own (under node_modules/.cache so the threads resolve packages from
// node_modules), found through VIGIL_TEST_COMPILED_LIBS (libs/config/src/worker-thread-file.ts). No prior build is needed,
// the threads always run the current sources, and runs in parallel never overwrite each other's files.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cacheDir = join(root, 'node_modules', '.cache', 'vigil-test-libs');
const STALE_MS = 6 * 3600_000;

module.exports = async function compileLibsForWorkerThreads() {
  mkdirSync(cacheDir, { recursive: true });
  // A run that was killed never tore down: clear what it left after a while.
  for (const name of readdirSync(cacheDir)) {
    const dir = join(cacheDir, name);
    if (Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
  }
  const outDir = join(cacheDir, `${process.pid}-${Date.now()}`);
  const swc = require.resolve('@swc/cli/bin/swc.js');
  const result = spawnSync(process.execPath, [swc, 'libs', '-d', outDir, '--ignore', '**/*.spec.ts,libs/testing/**', '--quiet'], { cwd: root, encoding: 'utf8' });
  // A file elsewhere in libs/ that does not compile fails its own specs; only a missing thread entry stops the run.
  const entries = ['libs/collection/src/parsing-pool/parsing.worker.js', 'libs/persistence/src/embedded/embedded-postgres.worker.js'];
  const missing = entries.filter((entry) => !existsSync(join(outDir, entry)));
  if (missing.length > 0) throw new Error(`Compiling libs/ for worker threads left out ${missing.join(', ')}: ${result.stderr || result.error}`);
  if (result.status !== 0) console.warn(`swc reported problems compiling libs/ for worker threads:\n${result.stderr}`);
  process.env.VIGIL_TEST_COMPILED_LIBS = outDir;
};
