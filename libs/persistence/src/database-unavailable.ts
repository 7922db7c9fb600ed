/** Socket-level failures reaching the server (a TCP host or the embedded unix socket). */
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOENT']);

/**
 * SQLSTATEs that say the connection, not the statement, failed: class 08 (connection exception), the server shutting
 * down or terminating the backend (57P01–57P03, e.g. `pg_terminate_backend` or a failover), too many connections.
 */
const CONNECTION_STATES = /^(08...|57P0[1-3]|53300)$/;

/** What `pg` says when a connection ends or never opens without a server message. */
const CONNECTION_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

/**
 * Whether `error` (as TypeORM or `pg` raise it) means the database cannot be reached right now — a dropped or refused
 * connection — rather than a fault of the statement. Such an error is an outage to report (503), not a bug (500).
 * Severity FATAL/PANIC is how PostgreSQL ends a session, which is also how it refuses one at connect time (a database
 * not accepting connections, CONNECT revoked, authentication failed).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const candidate = current as { code?: unknown; severity?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && (NETWORK_ERRORS.has(candidate.code) || CONNECTION_STATES.test(candidate.code))) return true;
    if (candidate.severity === 'FATAL' || candidate.severity === 'PANIC') return true;
    if (typeof candidate.message === 'string' && CONNECTION_MESSAGES.test(candidate.message)) return true;
    // TypeORM's QueryFailedError keeps pg's error as `driverError`; others chain it as `cause`.
    current = candidate.driverError ?? candidate.cause;
  }
  return false;
}
