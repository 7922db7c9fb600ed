import { GuardedHttpClient } from './guarded-http-client';
import {
  CONTACT_URL,
  failure,
  recordingConnections,
  respond,
  startLoopbackServer,
  stubResolver,
  type LoopbackServer,
} from './test-fixtures';

// Every case here runs with a stubbed resolver and a connection factory that records attempts and
// dials only the loopback fixture: no test ever opens a connection to a private address.

describe('GuardedHttpClient: refusing addresses that are not public', () => {
  let server: LoopbackServer;
  let client: GuardedHttpClient;

  afterEach(async () => {
    await client.close();
    await server.close();
  });

  it.each([
    ['tin.example', '10.0.0.5', 'Blocked: tin.example resolves to 10.0.0.5, a private address'],
    ['metadata.example', '169.254.169.254', 'Blocked: metadata.example resolves to 169.254.169.254, the cloud metadata address'],
    [
      'mapped.example',
      '::ffff:127.0.0.1',
      'Blocked: mapped.example resolves to ::ffff:127.0.0.1, an IPv4-mapped form of 127.0.0.1 (a loopback address)',
    ],
    [
      'compatible.example',
      '::a9fe:a9fe',
      'Blocked: compatible.example resolves to ::a9fe:a9fe, an IPv4-compatible form of 169.254.169.254 (the cloud metadata address)',
    ],
  ])('refuses a redirect to %s, which resolves to %s, without connecting to it', async (host, address, message) => {
    server = await startLoopbackServer(respond(302, { location: `http://${host}/internal` }));
    const resolver = stubResolver({ [host]: [address] });
    const connections = recordingConnections();
    client = new GuardedHttpClient({
      contactUrl: CONTACT_URL,
      allowlist: ['127.0.0.1'],
      resolver,
      connectionFactory: connections.factory,
    });
    const error = await failure(client.fetch(`${server.origin}/start`));
    expect(error.code).toBe('blocked-address');
    expect(error.message).toBe(message);
    expect(resolver.calls).toEqual([host]);
    expect(connections.attempts.map((attempt) => attempt.address)).toEqual(['127.0.0.1']);
  });

  it('refuses a host when any one of its addresses is private', async () => {
    server = await startLoopbackServer(respond(200, {}));
    const connections = recordingConnections();
    client = new GuardedHttpClient({
      contactUrl: CONTACT_URL,
      resolver: stubResolver({ 'mixed.example': ['93.184.216.34', '192.168.1.10'] }),
      connectionFactory: connections.factory,
    });
    const error = await failure(client.fetch('http://mixed.example/'));
    expect(error.message).toBe('Blocked: mixed.example resolves to 192.168.1.10, a private address');
    expect(connections.attempts).toEqual([]);
  });

  it.each([
    ['http://2130706433/', 'Blocked: 127.0.0.1 is a loopback address'],
    ['http://0x7f.1/', 'Blocked: 127.0.0.1 is a loopback address'],
    ['http://0177.0.0.1/', 'Blocked: 127.0.0.1 is a loopback address'],
    ['http://[::1]/', 'Blocked: ::1 is a loopback address'],
    ['http://[::ffff:7f00:1]/', 'Blocked: ::ffff:7f00:1 is an IPv4-mapped form of 127.0.0.1 (a loopback address)'],
    ['http://0.0.0.0/', 'Blocked: 0.0.0.0 is an unspecified address'],
    ['http://100.64.0.1/', 'Blocked: 100.64.0.1 is a carrier-grade NAT address'],
    ['http://[fd12::1]/', 'Blocked: fd12::1 is a private (unique local) address'],
    ['http://[::127.0.0.1]/', 'Blocked: ::7f00:1 is an IPv4-compatible form of 127.0.0.1 (a loopback address)'],
    ['http://[::a9fe:a9fe]/', 'Blocked: ::a9fe:a9fe is an IPv4-compatible form of 169.254.169.254 (the cloud metadata address)'],
    ['http://[64:ff9b::a00:5]/', 'Blocked: 64:ff9b::a00:5 is a NAT64 form of 10.0.0.5 (a private address)'],
    ['http://[64:ff9b:1::a00:5]/', 'Blocked: 64:ff9b:1::a00:5 is a NAT64 address'],
    ['http://[2002:7f00:1::1]/', 'Blocked: 2002:7f00:1::1 is a 6to4 tunnel form of 127.0.0.1 (a loopback address)'],
    ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'Blocked: 2001:0:4136:e378:8000:63bf:3fff:fdd2 is a Teredo tunnel address'],
    ['http://224.0.0.1/', 'Blocked: 224.0.0.1 is a multicast address'],
  ])('refuses the literal address in %s when it is not allowlisted', async (url, message) => {
    server = await startLoopbackServer(respond(200, {}));
    const resolver = stubResolver({});
    const connections = recordingConnections();
    client = new GuardedHttpClient({ contactUrl: CONTACT_URL, resolver, connectionFactory: connections.factory });
    const error = await failure(client.fetch(url));
    expect(error.code).toBe('blocked-address');
    expect(error.message).toBe(message);
    expect(resolver.calls).toEqual([]);
    expect(connections.attempts).toEqual([]);
  });

  it('lets an allowlisted CIDR range through, so the loopback fixture is reachable by its numeric alias', async () => {
    server = await startLoopbackServer(respond(200, {}, 'fixture'));
    const connections = recordingConnections();
    client = new GuardedHttpClient({ contactUrl: CONTACT_URL, allowlist: ['127.0.0.0/8'], connectionFactory: connections.factory });
    const result = await client.fetch(`http://2130706433:${server.port}/`);
    expect(result.text()).toBe('fixture');
    expect(connections.attempts.map((attempt) => attempt.address)).toEqual(['127.0.0.1']);
  });

  it('lets an allowlisted host name through whatever it resolves to', async () => {
    server = await startLoopbackServer(respond(200, {}, 'intranet'));
    const connections = recordingConnections();
    client = new GuardedHttpClient({
      contactUrl: CONTACT_URL,
      allowlist: ['fixture.internal'],
      resolver: stubResolver({ 'fixture.internal': ['127.0.0.1'] }),
      connectionFactory: connections.factory,
    });
    expect((await client.fetch(`http://fixture.internal:${server.port}/`)).text()).toBe('intranet');
    expect(connections.attempts).toEqual([
      { address: '127.0.0.1', family: 4, port: server.port, protocol: 'http:', hostname: 'fixture.internal' },
    ]);
  });

  describe('a host with several addresses', () => {
    // The documentation addresses stand for a site's other servers: the factory answers for them without dialling.
    function failingAt(failures: Record<string, string>): ReturnType<typeof recordingConnections> {
      const connections = recordingConnections();
      const factory: typeof connections.factory = (target) => {
        const code = failures[target.address];
        if (code === undefined) return connections.factory(target);
        connections.attempts.push(target);
        return Promise.reject(Object.assign(new Error(`${code} ${target.address}`), { code }));
      };
      return { attempts: connections.attempts, factory };
    }

    function clientFor(addresses: string[], connections: ReturnType<typeof recordingConnections>): GuardedHttpClient {
      return new GuardedHttpClient({
        contactUrl: CONTACT_URL,
        allowlist: ['fixture.internal'],
        resolver: stubResolver({ 'fixture.internal': addresses }),
        connectionFactory: connections.factory,
      });
    }

    it('dials the next address when one cannot be reached (an IPv6 address on a network without IPv6)', async () => {
      server = await startLoopbackServer(respond(200, {}, 'tin mới'));
      const connections = failingAt({ '2001:db8::10': 'ENETUNREACH', '192.0.2.7': 'ECONNREFUSED' });
      client = clientFor(['2001:db8::10', '192.0.2.7', '127.0.0.1'], connections);
      expect((await client.fetch(`http://fixture.internal:${server.port}/`)).text()).toBe('tin mới');
      expect(connections.attempts.map((attempt) => attempt.address)).toEqual(['2001:db8::10', '192.0.2.7', '127.0.0.1']);
    });

    it('fails with the last error when no address answers, and stops at a failure another address would repeat', async () => {
      server = await startLoopbackServer(respond(200, {}));
      const unreachable = failingAt({ '2001:db8::10': 'ENETUNREACH', '192.0.2.7': 'EHOSTUNREACH' });
      client = clientFor(['2001:db8::10', '192.0.2.7'], unreachable);
      expect(await failure(client.fetch('http://fixture.internal/'))).toMatchObject({ message: 'Could not fetch http://fixture.internal/: EHOSTUNREACH' });
      expect(unreachable.attempts.map((attempt) => attempt.address)).toEqual(['2001:db8::10', '192.0.2.7']);
      await client.close();

      const untrusted = failingAt({ '192.0.2.7': 'ERR_TLS_CERT_ALTNAME_INVALID' });
      client = clientFor(['192.0.2.7', '127.0.0.1'], untrusted);
      expect((await failure(client.fetch(`http://fixture.internal:${server.port}/`))).message).toBe(`Could not fetch http://fixture.internal:${server.port}/: ERR_TLS_CERT_ALTNAME_INVALID`);
      expect(untrusted.attempts.map((attempt) => attempt.address)).toEqual(['192.0.2.7']);
    });
  });

  it('checks the address again for every new connection, so a rebinding DNS answer is refused', async () => {
    // "Connection: close" forces a new connection, hence a new resolution, for the second fetch.
    server = await startLoopbackServer(respond(200, { connection: 'close' }, 'first'));
    const answers = [['127.0.0.1'], ['10.0.0.5']];
    const calls: string[] = [];
    const connections = recordingConnections();
    client = new GuardedHttpClient({
      contactUrl: CONTACT_URL,
      allowlist: ['127.0.0.1'],
      resolver: async (hostname) => {
        calls.push(hostname);
        return (answers.shift() ?? []).map((address) => ({ address, family: 4 as const }));
      },
      connectionFactory: connections.factory,
    });
    const url = `http://rebind.example:${server.port}/`;
    expect((await client.fetch(url)).text()).toBe('first');
    const error = await failure(client.fetch(url));
    expect(error.message).toBe('Blocked: rebind.example resolves to 10.0.0.5, a private address');
    expect(calls).toEqual(['rebind.example', 'rebind.example']);
    expect(connections.attempts.map((attempt) => attempt.address)).toEqual(['127.0.0.1']);
  });

  it('reports a name that does not resolve', async () => {
    server = await startLoopbackServer(respond(200, {}));
    const connections = recordingConnections();
    client = new GuardedHttpClient({ contactUrl: CONTACT_URL, resolver: stubResolver({}), connectionFactory: connections.factory });
    const error = await failure(client.fetch('http://nowhere.example/'));
    expect(error).toMatchObject({ code: 'network', message: 'Could not resolve nowhere.example (ENOTFOUND)' });
    expect(connections.attempts).toEqual([]);
  });

  it('gives up connecting after the connect timeout', async () => {
    server = await startLoopbackServer(respond(200, {}));
    const connections = recordingConnections();
    client = new GuardedHttpClient({
      contactUrl: CONTACT_URL,
      connectTimeoutMs: 100,
      resolver: () => new Promise(() => undefined),
      connectionFactory: connections.factory,
    });
    const error = await failure(client.fetch('http://slow-dns.example/'));
    expect(error).toMatchObject({ code: 'timeout', message: 'Could not connect to slow-dns.example within 100 ms' });
    expect(connections.attempts).toEqual([]);
  });
});
