import { lookup } from 'node:dns/promises';
import { isIP, type Socket } from 'node:net';
import { buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy';
import { FetchError, formatDuration } from './fetch-error';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Turns a host name into addresses; tests replace it with a table so nothing real is resolved. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** One connection Vigil is about to open, after the address passed the policy. */
export interface ConnectTarget {
  /** The checked address that is dialled; the name is never resolved a second time. */
  address: string;
  family: 4 | 6;
  port: number;
  protocol: 'http:' | 'https:';
  /** The host name from the URL, used for TLS SNI and certificate checks. */
  hostname: string;
}

/** Opens the socket; tests pass one that records attempts and never dials a private address. */
export type ConnectionFactory = (target: ConnectTarget) => Promise<Socket>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/** Plain TCP or TLS through undici's own connector, aimed at an address instead of a name. */
export function socketConnectionFactory(connectTimeoutMs: number): ConnectionFactory {
  const connector = buildConnector({ timeout: connectTimeoutMs });
  return (target) =>
    new Promise<Socket>((resolve, reject) => {
      const sni = isIP(target.hostname) ? undefined : target.hostname;
      connector(
        {
          hostname: target.address,
          protocol: target.protocol,
          port: String(target.port),
          ...(sni === undefined ? {} : { servername: sni }),
        },
        (error, socket) => (error ? reject(error) : resolve(socket as Socket)),
      );
    });
}

export interface GuardedConnectorOptions {
  policy: AddressPolicy;
  resolver: Resolver;
  factory: ConnectionFactory;
  connectTimeoutMs: number;
}

/**
 * An undici `connect` function that resolves the host itself, refuses the connection when any
 * answer is not a public unicast address, and dials the checked address. Checking here, for every
 * new connection, rather than once before the request, is what defeats DNS rebinding.
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  return (connectOptions, callback) => {
    let settled = false;
    const finish = (error: Error | null, socket: Socket | null): void => {
      if (settled) {
        socket?.destroy();
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (error || !socket) callback(error ?? new Error('no socket'), null);
      else callback(null, socket);
    };
    const timer = setTimeout(() => {
      const seconds = formatDuration(options.connectTimeoutMs);
      finish(new FetchError('timeout', `Could not connect to ${connectOptions.hostname} within ${seconds}`), null);
    }, options.connectTimeoutMs);
    connectChecked(options, connectOptions, () => settled).then(
      (socket) => finish(null, socket),
      // No instanceof Error: socket errors may come from another realm (Jest's VM context).
      (error: unknown) => finish(isErrorLike(error) ? error : new Error(String(error)), null),
    );
  };
}

// Nothing answered at this address: the next one may (a site's IPv6 address on a network without IPv6, one server of
// several down). Anything else, a TLS failure for one, would repeat at every address.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Dials the checked addresses in the resolver's order until one connects; the connect deadline bounds them all. */
async function connectChecked(options: GuardedConnectorOptions, target: buildConnector.Options, abandoned: () => boolean): Promise<Socket> {
  const hostname = target.hostname;
  const protocol = target.protocol === 'https:' ? 'https:' : 'http:';
  const port = target.port ? Number(target.port) : protocol === 'https:' ? 443 : 80;
  const addresses = await resolveChecked(options, hostname);
  if (addresses.length === 0) throw new FetchError('network', `${hostname} has no address`);
  let unreachable: unknown;
  for (const { address, family } of addresses) {
    if (abandoned()) break;
    try {
      return await options.factory({ address, family, port, protocol, hostname });
    } catch (error) {
      if (!UNREACHABLE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      unreachable = error;
    }
  }
  throw unreachable;
}

/** The host's addresses, or a 'blocked-address' error naming the first one that is not allowed. */
export async function resolveChecked(
  options: Pick<GuardedConnectorOptions, 'policy' | 'resolver'>,
  hostname: string,
): Promise<ResolvedAddress[]> {
  const family = isIP(hostname);
  if (family !== 0) {
    const blocked = options.policy.describeBlocked(hostname);
    if (blocked) throw new FetchError('blocked-address', `Blocked: ${hostname} is ${blocked}`);
    return [{ address: hostname, family: family === 6 ? 6 : 4 }];
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await options.resolver(hostname);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FetchError('network', `Could not resolve ${hostname} (${reason})`, { cause: error });
  }
  if (options.policy.isHostAllowlisted(hostname)) return addresses;
  for (const { address } of addresses) {
    const blocked = options.policy.describeBlocked(address);
    if (blocked) throw new FetchError('blocked-address', `Blocked: ${hostname} resolves to ${address}, ${blocked}`);
  }
  return addresses;
}

function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as Error).message === 'string';
}
