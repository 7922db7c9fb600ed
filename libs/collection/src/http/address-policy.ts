import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Words for the special ranges a source manager might meet in an error message. */
const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  uniqueLocal: 'a private (unique local) address',
  deprecatedSiteLocal: 'a private (site-local) address',
  rfc6052: 'a NAT64 address',
  rfc6145: 'a NAT64 address',
  '6to4': 'a 6to4 tunnel address',
  teredo: 'a Teredo tunnel address',
};

const CLOUD_METADATA = ['169.254.169.254', 'fd00:ec2::254'];

/**
 * Which hosts and addresses Vigil may connect to: public unicast addresses only, plus whatever
 * the operator lists in VIGIL_FETCH_ALLOWLIST (hosts, `*.suffix` patterns, addresses, CIDR ranges).
 *
 * Allowlisted ranges match addresses of the same family only, so allowing 127.0.0.1 does not
 * allow its IPv4-mapped disguise ::ffff:127.0.0.1.
 */
export class AddressPolicy {
  private readonly hosts = new Set<string>();
  private readonly hostSuffixes: string[] = [];
  private readonly ranges: Array<[Address, number]> = [];

  constructor(allowlist: readonly string[] = []) {
    for (const raw of allowlist) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      if (entry.includes('/')) {
        if (!ipaddr.isValidCIDR(entry)) throw new Error(`Fetch allowlist entry "${raw}" is not a valid CIDR range`);
        this.ranges.push(ipaddr.parseCIDR(entry));
      } else if (ipaddr.isValid(stripBrackets(entry))) {
        const address = ipaddr.parse(stripBrackets(entry));
        this.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else if (entry.startsWith('*.')) {
        this.hostSuffixes.push(entry.slice(1));
      } else {
        this.hosts.add(entry.replace(/\.$/, ''));
      }
    }
  }

  /** A host the operator trusts by name, whatever it resolves to. */
  isHostAllowlisted(hostname: string): boolean {
    const host = stripBrackets(hostname.toLowerCase()).replace(/\.$/, '');
    return this.hosts.has(host) || this.hostSuffixes.some((suffix) => host.endsWith(suffix));
  }

  /** Null when Vigil may connect to this address; otherwise what it is, e.g. "a private address". */
  describeBlocked(address: string): string | null {
    const candidate = stripBrackets(address);
    if (!ipaddr.isValid(candidate)) return 'not a valid IP address';
    const parsed = ipaddr.parse(candidate);
    if (this.ranges.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))) {
      return null;
    }
    return describeNonPublic(parsed);
  }
}

/**
 * Null for a public unicast address; otherwise a description of why it is not one.
 *
 * Every IPv6 form that carries an IPv4 address is refused outright, whatever the embedded address is:
 * IPv4-mapped (::ffff:0:0/96) and -translated (::ffff:0:0:0/96), IPv4-compatible (::/96, deprecated, yet
 * what URL parsing makes of [::127.0.0.1]), NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 6to4 (2002::/16) and
 * Teredo (2001::/32). Whether such an address reaches the embedded IPv4 depends on gateways and tunnels this
 * process cannot see, so checking the embedded address would guess; naming it only makes the refusal clearer.
 * An operator behind DNS64 allowlists the NAT64 prefix deliberately.
 */
function describeNonPublic(address: Address): string | null {
  const range: string = address.range();
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    if (range === 'ipv4Mapped') return embeddedForm('an IPv4-mapped', 'an IPv4-mapped address', v6.toIPv4Address());
    if (range === 'unicast' && v6.match(IPV4_COMPATIBLE)) {
      return embeddedForm('an IPv4-compatible', 'an IPv4-compatible address', lastIPv4(v6));
    }
    if (range === 'rfc6052' && v6.match(NAT64_WELL_KNOWN)) return embeddedForm('a NAT64', RANGE_WORDS.rfc6052, lastIPv4(v6));
    if (range === '6to4') return embeddedForm('a 6to4 tunnel', RANGE_WORDS['6to4'], ipv4Of(v6.parts[1], v6.parts[2]));
    // ipaddr.js calls whatever it has no name for "unicast"; only 2000::/3 is allocated as global unicast.
    if (range === 'unicast' && !v6.match(GLOBAL_UNICAST)) return 'a reserved address (outside 2000::/3)';
  }
  if (range === 'unicast') return null;
  if (CLOUD_METADATA.includes(address.toString())) return 'the cloud metadata address';
  return RANGE_WORDS[range] ?? `a reserved address (${range})`;
}

const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/** "a NAT64 form of 10.0.0.5 (a private address)" when the embedded address is not public itself. */
function embeddedForm(form: string, plainWords: string, inner: ipaddr.IPv4): string {
  const innerWords = describeNonPublic(inner);
  return innerWords ? `${form} form of ${inner.toString()} (${innerWords})` : plainWords;
}

function lastIPv4(address: ipaddr.IPv6): ipaddr.IPv4 {
  return ipv4Of(address.parts[6], address.parts[7]);
}

function ipv4Of(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** Splits VIGIL_FETCH_ALLOWLIST ("127.0.0.1, 10.20.0.0/16, intranet.example") into entries. */
export function parseAllowlist(value: string | undefined | null): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
