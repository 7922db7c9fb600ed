import { ERROR_CODES, ErrorCode, httpStatusOf, isErrorCode, VigilError } from './errors';

describe('error codes', () => {
  it.each(ERROR_CODES.map((code) => [code]))('maps %s to a 4xx or 5xx status', (code) => {
    const status = httpStatusOf(code);
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  it('keeps 5xx for our own failures and 4xx for every refusal of the request', () => {
    const serverSide = ERROR_CODES.filter((code) => httpStatusOf(code) >= 500).sort();
    expect(serverSide).toEqual(['dependency_unavailable', 'internal']);
  });

  it('spells every code in lower snake case, once', () => {
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('recognises its own codes only', () => {
    expect(isErrorCode(ErrorCode.SourceNotFound)).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });

  it('carries code, field and details on the error, with the status from the one mapping', () => {
    const error = new VigilError('too_many_login_attempts', 'Too many failed sign-ins', { field: 'username', details: { retryAfterSec: 60 } });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'too_many_login_attempts', message: 'Too many failed sign-ins', field: 'username', details: { retryAfterSec: 60 } });
    expect(error.status).toBe(429);
  });
});
