import { AddressPolicy, parseAllowlist } from './address-policy';
import { FetchError } from './fetch-error';
import { createGuardedConnector } from './guarded-connector';
import { recordingConnections, stubResolver } from './test-fixtures';

describe('AddressPolicy', () => {
  const strict = new AddressPolicy();

  it.each([
    ['93.184.216.34', null],
    ['2606:4700::1111', null],
    ['127.0.0.1', 'a loopback address'],
    ['10.0.0.5', 'a private address'],
    ['172.16.4.1', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'the cloud metadata address'],
    ['169.254.10.1', 'a link-local address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['224.0.0.251', 'a multicast address'],
    ['0.0.0.0', 'an unspecified address'],
    ['255.255.255.255', 'the broadcast address'],
    ['240.0.0.1', 'a reserved address (reserved)'],
    ['::1', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['fc00::1', 'a private (unique local) address'],
    ['fe80::1', 'a link-local address'],
    ['ff02::1', 'a multicast address'],
    ['::ffff:127.0.0.1', 'an IPv4-mapped form of 127.0.0.1 (a loopback address)'],
    ['::ffff:8.8.8.8', 'an IPv4-mapped address'],
    ['64:ff9b::10.0.0.5', 'a NAT64 form of 10.0.0.5 (a private address)'],
    ['64:ff9b::8.8.8.8', 'a NAT64 address'],
    ['64:ff9b:1::a00:5', 'a NAT64 address'],
    ['::ffff:0:a00:5', 'a NAT64 address'],
    ['2002:a00:5::1', 'a 6to4 tunnel form of 10.0.0.5 (a private address)'],
    ['2002:808:808::1', 'a 6to4 tunnel address'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'a Teredo tunnel address'],
    // IPv4-compatible (::/96, deprecated by RFC 4291): what URL parsing makes of [::127.0.0.1].
    ['::7f00:1', 'an IPv4-compatible form of 127.0.0.1 (a loopback address)'],
    ['::a9fe:a9fe', 'an IPv4-compatible form of 169.254.169.254 (the cloud metadata address)'],
    ['::a00:5', 'an IPv4-compatible form of 10.0.0.5 (a private address)'],
    ['::808:808', 'an IPv4-compatible address'],
    // Outside 2000::/3 nothing is global unicast, whatever ipaddr.js calls it.
    ['::1:7f00:1', 'a reserved address (outside 2000::/3)'],
    ['4000::1', 'a reserved address (outside 2000::/3)'],
    ['not-an-ip', 'not a valid IP address'],
  ])('describes %s as %s', (address, expected) => {
    expect(strict.describeBlocked(address)).toBe(expected);
  });

  it('allows addresses inside allowlisted ranges of the same family only', () => {
    const policy = new AddressPolicy(['127.0.0.1', '10.20.0.0/16', 'fd00::/8']);
    expect(policy.describeBlocked('127.0.0.1')).toBeNull();
    expect(policy.describeBlocked('10.20.7.1')).toBeNull();
    expect(policy.describeBlocked('fd00::5')).toBeNull();
    expect(policy.describeBlocked('10.21.0.1')).toBe('a private address');
    expect(policy.describeBlocked('::ffff:127.0.0.1')).toBe('an IPv4-mapped form of 127.0.0.1 (a loopback address)');
    expect(policy.describeBlocked('::7f00:1')).toBe('an IPv4-compatible form of 127.0.0.1 (a loopback address)');
    expect(policy.describeBlocked('64:ff9b::7f00:1')).toBe('a NAT64 form of 127.0.0.1 (a loopback address)');
  });

  it('matches allowlisted host names exactly or by *.suffix, ignoring case and a trailing dot', () => {
    const policy = new AddressPolicy(['Intranet.Example', '*.office.vn']);
    expect(policy.isHostAllowlisted('intranet.example.')).toBe(true);
    expect(policy.isHostAllowlisted('tin.office.vn')).toBe(true);
    expect(policy.isHostAllowlisted('office.vn')).toBe(false);
    expect(policy.isHostAllowlisted('evilintranet.example')).toBe(false);
  });

  it('rejects a malformed CIDR range at start-up', () => {
    expect(() => new AddressPolicy(['10.0.0.0/33'])).toThrow('Fetch allowlist entry "10.0.0.0/33" is not a valid CIDR range');
  });

  it('splits VIGIL_FETCH_ALLOWLIST on commas', () => {
    expect(parseAllowlist(' 127.0.0.1, 10.0.0.0/8 ,,intranet.example ')).toEqual(['127.0.0.1', '10.0.0.0/8', 'intranet.example']);
    expect(parseAllowlist(undefined)).toEqual([]);
  });
});

describe('the guarded connector', () => {
  it('refuses a literal private address at connect time too, without dialling it', async () => {
    const connections = recordingConnections();
    const connect = createGuardedConnector({
      policy: new AddressPolicy(),
      resolver: stubResolver({}),
      factory: connections.factory,
      connectTimeoutMs: 1_000,
    });
    const error = await new Promise<Error | null>((resolve) =>
      connect({ hostname: '10.0.0.5', protocol: 'http:', port: '' }, (...result) => resolve(result[0])),
    );
    expect(error).toBeInstanceOf(FetchError);
    expect(error?.message).toBe('Blocked: 10.0.0.5 is a private address');
    expect(connections.attempts).toEqual([]);
  });
});
