import { createHash } from 'node:crypto';

/** What an audit entry's hash covers: everything stored about it except the hashes themselves. */
export interface AuditEntryContent {
  caseId: string;
  seq: number;
  action: string;
  actorId: string | null;
  /** ISO 8601 instant in UTC. */
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ChainedAuditEntry extends AuditEntryContent {
  prevHash: string | null;
  hash: string;
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so the same content always gives the same text
 * (PostgreSQL's jsonb does not keep key order). Undefined members are dropped, as JSON.stringify drops them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((element) => (element === undefined ? 'null' : canonicalJson(element))).join(',')}]`;
  const members = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
  return `{${members.join(',')}}`;
}

/** Hex sha256 of the canonical JSON of the previous entry's hash together with this entry's content. */
export function auditEntryHash(prevHash: string | null, entry: AuditEntryContent): string {
  return createHash('sha256').update(canonicalJson({ prevHash, entry }), 'utf8').digest('hex');
}

export interface AuditChainCheck {
  intact: boolean;
  /** The first entry that is out of sequence, points at the wrong predecessor, or whose content no longer matches its hash. */
  firstBrokenSeq: number | null;
}

/** Recomputes a case's chain, oldest entry first: an edited, removed or reordered entry breaks it. */
export function verifyAuditChain(entries: readonly ChainedAuditEntry[]): AuditChainCheck {
  let prevHash: string | null = null;
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1 || entry.prevHash !== prevHash || auditEntryHash(prevHash, auditContent(entry)) !== entry.hash) {
      return { intact: false, firstBrokenSeq: entry.seq };
    }
    prevHash = entry.hash;
  }
  return { intact: true, firstBrokenSeq: null };
}

/** Exactly the hashed fields, whatever else the caller's rows carry (an actor's name, say). */
function auditContent(entry: AuditEntryContent): AuditEntryContent {
  return { caseId: entry.caseId, seq: entry.seq, action: entry.action, actorId: entry.actorId, at: entry.at, before: entry.before, after: entry.after };
}
