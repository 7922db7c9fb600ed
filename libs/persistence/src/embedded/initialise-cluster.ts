import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Creates the cluster and exits; PGlite writes it in place through its Node filesystem. */
const INITIALISE = `(async () => {
  const [pglite, nodefs, directory] = process.argv.slice(1);
  const { PGlite } = require(pglite);
  const { NodeFS } = require(nodefs);
  const database = await PGlite.create({ fs: new NodeFS(directory) });
  await database.close();
})().catch((error) => { console.error(error); process.exit(1); });`;

/**
 * Creates a new PGlite cluster in `directory` in a short-lived child process, when none is there yet.
 *
 * PGlite's first start runs initdb in a second PostgreSQL instance and copies its cluster over as a tarball. In the
 * server's own process, the allocator kept ~120 MiB of that for the life of the process (bench memory figure,
 * first start of `npm start`); a child returns all of it to the system when it exits, and the server then opens the
 * cluster as on any later start.
 *
 * The directory is created owner-only first, so the files the child leaves with PGlite's open modes are out of
 * others' reach until PrivateNodeFS makes each of them private.
 */
export async function initialiseClusterApart(directory: string): Promise<void> {
  if (existsSync(join(directory, 'PG_VERSION'))) return;
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const resolveModule = createRequire(import.meta.url).resolve;
  const entries = [resolveModule('@electric-sql/pglite'), resolveModule('@electric-sql/pglite/nodefs')];
  try {
    await run(process.execPath, ['-e', INITIALISE, ...entries, directory]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`Creating the embedded database in its data directory failed${stderr ? `: ${stderr}` : ''}`, { cause: error });
  }
}
