import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

/** A server error as `pg` builds it from the wire. */
function serverError(code: string, severity: string, message: string): pg.DatabaseError {
  return Object.assign(new pg.DatabaseError(message, message.length, 'error'), { code, severity });
}

describe('telling a database outage from a failed statement', () => {
  it('counts dropped, refused and unreachable connections as an outage', () => {
    // pg_terminate_backend, a failover, a server restart:
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], serverError('57P01', 'FATAL', 'terminating connection due to administrator command')))).toBe(true);
    // ALLOW_CONNECTIONS false, CONNECT revoked: refused at connect time, with FATAL severity.
    expect(isDatabaseUnavailable(serverError('55000', 'FATAL', 'database "vigil" is not currently accepting connections'))).toBe(true);
    expect(isDatabaseUnavailable(serverError('42501', 'FATAL', 'permission denied for database "vigil"'))).toBe(true);
    expect(isDatabaseUnavailable(serverError('53300', 'FATAL', 'sorry, too many clients already'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('leaves errors of the statement itself (and everything else) alone', () => {
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT …', [], serverError('23505', 'ERROR', 'duplicate key value violates unique constraint')))).toBe(false);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT …', [], serverError('42P01', 'ERROR', 'relation "nope" does not exist')))).toBe(false);
    // Same SQLSTATE as a refused connection, but an ERROR of the statement (e.g. currval before nextval).
    expect(isDatabaseUnavailable(serverError('55000', 'ERROR', 'currval of sequence "s" is not yet defined in this session'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable({ status: 500, message: 'connection refused at 10.0.0.5' })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
