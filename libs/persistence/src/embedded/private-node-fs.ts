import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** Group and other permission bits: none of them may be set on a data file. */
const SHARED_BITS = 0o077;

type PostgresModule = Parameters<NodeFS['init']>[1];
type ModeAttributes = { mode?: number | null };

/** The part of Emscripten's NODEFS (not in PGlite's types) through which every file mode reaches the disk. */
interface NodefsModeOps {
  node_ops: {
    mknod(parent: unknown, name: string, mode: number, dev: number): unknown;
    setattr(node: unknown, attributes: ModeAttributes): void;
  };
  stream_ops: { setattr(stream: unknown, attributes: ModeAttributes): void };
}

/**
 * PGlite's Node filesystem, keeping the data directory to its owner: directories 0700, files 0600.
 *
 * A process umask cannot do this: PGlite copies its initial catalog in with an explicit chmod to 0666 and
 * chmods files such as pg_internal.init after creating them, and chmod ignores the umask. So every mode on
 * its way to the disk — creating a file or directory, or chmod on a path or an open file — loses its group
 * and other bits here. This is scoped to this one database; the rest of the process keeps its umask.
 */
export class PrivateNodeFS extends NodeFS {
  constructor(directory: string) {
    // Created here, before NodeFS would create it with the process umask.
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    // Files written before this class existed (or by another tool) are made private too, once, before PGlite opens them.
    makePrivate(directory);
    super(directory);
  }

  override init(pg: PGlite, options: PostgresModule): ReturnType<NodeFS['init']> {
    // NodeFS appends its mount to preRun, so the ops are already private when the first file is touched.
    return super.init(pg, { ...options, preRun: [...(options.preRun ?? []), (module) => restrictModes(module)] });
  }
}

function restrictModes(module: { FS: unknown }): void {
  // Emscripten's FS object exposes its filesystem types at runtime; PGlite's types do not declare them.
  const nodefs = (module.FS as { filesystems?: { NODEFS?: Partial<NodefsModeOps> } }).filesystems?.NODEFS;
  const nodeOps = nodefs?.node_ops;
  const streamOps = nodefs?.stream_ops;
  if (typeof nodeOps?.mknod !== 'function' || typeof nodeOps.setattr !== 'function' || typeof streamOps?.setattr !== 'function') {
    // Better no database than one whose files any local user can read.
    throw new Error('PGlite no longer exposes NODEFS mknod/setattr: cannot keep the data directory private');
  }
  const { mknod, setattr } = nodeOps;
  const setStreamAttributes = streamOps.setattr;
  const privately = (attributes: ModeAttributes): ModeAttributes =>
    attributes.mode == null ? attributes : { ...attributes, mode: attributes.mode & ~SHARED_BITS };
  nodeOps.mknod = (parent, name, mode, dev) => mknod(parent, name, mode & ~SHARED_BITS, dev);
  nodeOps.setattr = (node, attributes) => setattr(node, privately(attributes));
  streamOps.setattr = (stream, attributes) => setStreamAttributes(stream, privately(attributes));
}

/** Removes group and other bits from a directory and everything under it (symbolic links are left alone). */
export function makePrivate(path: string): void {
  const stats = lstatSync(path);
  if (stats.isSymbolicLink()) return;
  if (stats.mode & SHARED_BITS) chmodSync(path, stats.mode & 0o7777 & ~SHARED_BITS);
  if (!stats.isDirectory()) return;
  for (const entry of readdirSync(path)) makePrivate(join(path, entry));
}
