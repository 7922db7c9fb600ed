import { execFile } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgres } from '@vigil/persistence';
import pg from 'pg';

const run = promisify(execFile);
const NOBODY = 65534;

type Connection = Awaited<ReturnType<EmbeddedPostgres['start']>>;

/** Inodes of the TCP sockets this process is listening on, read from /proc (Linux). */
function listeningTcpInodes(): Set<string> {
  const owned = new Set(
    readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`))?.[1];
        return inode ? [inode] : [];
      } catch {
        return []; // the descriptor closed while we looked
      }
    }),
  );
  const listening = ['/proc/net/tcp', '/proc/net/tcp6']
    .filter((table) => existsSync(table))
    .flatMap((table) => readFileSync(table, 'utf8').trim().split('\n').slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[3] === '0A') // TCP_LISTEN
    .map((columns) => columns[9]);
  return new Set(listening.filter((inode) => owned.has(inode)));
}

/** Every path under `root` (itself included) whose mode lets its group or others in, with that mode. */
function sharedPaths(root: string): string[] {
  const stats = lstatSync(root);
  const own = stats.mode & 0o077 ? [`${(stats.mode & 0o777).toString(8)} ${root}`] : [];
  if (!stats.isDirectory()) return own;
  return [...own, ...readdirSync(root).flatMap((entry) => sharedPaths(join(root, entry)))];
}

async function query(connection: Connection, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ host: connection.host, port: connection.port, user: connection.username, database: connection.database });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('Embedded database (PGlite) reachable only by its own process user', () => {
  let embedded: EmbeddedPostgres;
  let connection: Connection;
  let tcpBefore: Set<string>;

  beforeAll(async () => {
    tcpBefore = listeningTcpInodes();
    embedded = new EmbeddedPostgres(null);
    connection = await embedded.start();
  });

  afterAll(async () => {
    await embedded?.stop();
  });

  it('serves the pg driver on a unix socket and listens on no TCP port', async () => {
    expect(connection.host.startsWith('/')).toBe(true);
    expect((await query(connection, 'SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    const opened = [...listeningTcpInodes()].filter((inode) => !tcpBefore.has(inode));
    expect(opened).toEqual([]);
  });

  it('keeps the socket in a directory only its owner can enter', () => {
    const directory = lstatSync(connection.host);
    expect(directory.isDirectory()).toBe(true);
    expect(directory.mode & 0o777).toBe(0o700);
    expect(directory.uid).toBe(process.getuid?.());
    const socket = lstatSync(join(connection.host, `.s.PGSQL.${connection.port}`));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o077).toBe(0);
    expect(socket.uid).toBe(process.getuid?.());
  });

  const canSwitchUser = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');
  (canSwitchUser ? it : it.skip)('refuses a client running as another OS user', async () => {
    const socketPath = join(connection.host, `.s.PGSQL.${connection.port}`);
    const probe = `require('net').connect(process.argv[1]).on('connect', () => { console.log('connected'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); });`;
    const { stdout } = await run('/usr/bin/setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, '-e', probe, socketPath]);
    expect(stdout.trim()).toBe('EACCES');
  });

  it('removes the socket directory when it stops', async () => {
    const other = new EmbeddedPostgres(null);
    const { host } = await other.start();
    await other.stop();
    expect(existsSync(host)).toBe(false);
  });
});

describe('Embedded database files', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigil-data-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('are readable and writable by their owner only, while running and after closing', async () => {
    const embedded = new EmbeddedPostgres(dataDir);
    try {
      const connection = await embedded.start();
      await query(connection, "CREATE TABLE notes (id serial PRIMARY KEY, body text); INSERT INTO notes (body) SELECT repeat('x', 500) FROM generate_series(1, 2000); CHECKPOINT");
      expect(sharedPaths(join(dataDir, 'pglite'))).toEqual([]);
    } finally {
      await embedded.stop();
    }
    expect(sharedPaths(join(dataDir, 'pglite'))).toEqual([]);
    // The catalog alone is hundreds of files: the walk really looked at a database.
    expect(readdirSync(join(dataDir, 'pglite', 'base')).length).toBeGreaterThan(0);
  });

  it('are made private at start when an older version left them open, and keep their data', async () => {
    const first = new EmbeddedPostgres(dataDir);
    await query(await first.start(), "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
    await first.stop();
    chmodSync(join(dataDir, 'pglite'), 0o777);
    chmodSync(join(dataDir, 'pglite', 'global', 'pg_control'), 0o666);
    chmodSync(join(dataDir, 'pglite', 'base'), 0o755);

    const second = new EmbeddedPostgres(dataDir);
    try {
      const connection = await second.start();
      expect(sharedPaths(join(dataDir, 'pglite'))).toEqual([]);
      expect((await query(connection, 'SELECT body FROM notes')).rows).toEqual([{ body: 'kept' }]);
    } finally {
      await second.stop();
    }
  });
});
