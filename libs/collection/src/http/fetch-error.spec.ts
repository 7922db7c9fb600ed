import { FetchError } from './fetch-error';

describe('FetchError failure codes (what the source health shows)', () => {
  it.each([
    [404, 'not_found'],
    [410, 'not_found'],
    [500, 'server_error'],
    [502, 'server_error'],
    [403, 'http_error'],
  ] as const)('words HTTP %d as %s, naming the status', (status, code) => {
    const error = new FetchError('http-status', `HTTP ${status} from https://tin.example/rss`, { status });
    expect({ code: error.failureCode, params: error.failureParams }).toEqual({ code, params: { httpStatus: status } });
  });

  it('gives a rate limit its wait in whole seconds', () => {
    const error = new FetchError('rate-limited', 'HTTP 429 from https://tin.example/rss; Vigil waits 2 min before asking again', { status: 429, retryAfterMs: 119_001 });
    expect({ code: error.failureCode, params: error.failureParams }).toEqual({ code: 'rate_limited', params: { httpStatus: 429, retryAfterSec: 120 } });
  });

  it('keeps a code given where the fetch code alone does not say it', () => {
    const error = new FetchError('too-many-redirects', 'Redirect loop: a → b → a', { failureCode: 'redirect_loop' });
    expect({ code: error.failureCode, params: error.failureParams }).toEqual({ code: 'redirect_loop', params: {} });
  });

  it.each([
    ['blocked-address', 'address_blocked'],
    ['bad-scheme', 'url_invalid'],
    ['timeout', 'timeout'],
    ['network', 'unreachable'],
    ['robots-disallowed', 'robots_disallowed'],
  ] as const)('words %s as %s', (fetchCode, code) => {
    expect(new FetchError(fetchCode, 'developer text').failureCode).toBe(code);
  });
});
