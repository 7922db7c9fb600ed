import { ConfigurationError, loadConfig } from './vigil-config';

describe('configuration', () => {
  it('selects every embedded default when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ mode: 'embedded', dataDir: './data', maintenanceMs: 60_000 });
    expect(config.queue.redisUrl).toBeNull();
    expect(config.runsWorkers).toBe(true);
    expect(config.search.elasticsearchUrl).toBeNull();
  });

  it('selects the servers named by DATABASE_URL, REDIS_URL and ELASTICSEARCH_URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://vigil@db:5432/vigil',
      REDIS_URL: 'redis://redis:6379',
      ELASTICSEARCH_URL: 'http://es:9200',
    });
    expect(config.database).toEqual({ mode: 'server', url: 'postgres://vigil@db:5432/vigil' });
    expect(config.queue.redisUrl).toBe('redis://redis:6379');
    expect(config.runsWorkers).toBe(false);
    expect(config.search.elasticsearchUrl).toBe('http://es:9200');
  });

  it('splits the fetch allowlist into hosts and ranges', () => {
    expect(loadConfig({ VIGIL_FETCH_ALLOWLIST: ' 127.0.0.1, feeds.local ,10.0.0.0/8' }).fetch.allowlist).toEqual([
      '127.0.0.1',
      'feeds.local',
      '10.0.0.0/8',
    ]);
  });

  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'abc', REDIS_URL: 'localhost:6379' })).toThrow(ConfigurationError);
    expect(() => loadConfig({ PORT: 'abc', REDIS_URL: 'localhost:6379' })).toThrow(/PORT: .*; REDIS_URL: must be a URL/);
  });

  it('marks the session cookie Secure over HTTPS by default, or always, or never', () => {
    expect(loadConfig({}).auth.secureCookie).toBe('auto');
    expect(loadConfig({ VIGIL_COOKIE_SECURE: 'true' }).auth.secureCookie).toBe(true);
    expect(loadConfig({ VIGIL_COOKIE_SECURE: 'false' }).auth.secureCookie).toBe(false);
    expect(() => loadConfig({ VIGIL_COOKIE_SECURE: 'sometimes' })).toThrow(/VIGIL_COOKIE_SECURE/);
  });

  it('trusts no proxy by default, or a hop count, or listed addresses and ranges', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ VIGIL_TRUST_PROXY: '' }).http.trustProxy).toBe(false);
    expect(loadConfig({ VIGIL_TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ VIGIL_TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).http.trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(() => loadConfig({ VIGIL_TRUST_PROXY: 'true' })).toThrow(/VIGIL_TRUST_PROXY/);
    expect(() => loadConfig({ VIGIL_TRUST_PROXY: 'proxy.local' })).toThrow(/VIGIL_TRUST_PROXY/);
  });

  it('refuses a short or common ADMIN_PASSWORD', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD: must be at least 8 characters/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'MậtKhẩu123' })).toThrow(/ADMIN_PASSWORD: is one of the most common passwords/);
  });
});

describe('log levels', () => {
  it('lets LOG_LEVEL and everything more severe through', async () => {
    const { nestLogLevels } = await import('./log-levels');
    expect(nestLogLevels('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(nestLogLevels('info')).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(nestLogLevels('silent')).toBe(false);
  });
});
