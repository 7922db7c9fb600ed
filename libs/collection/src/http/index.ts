export { AddressPolicy, parseAllowlist } from './address-policy';
export { charsetFromContentType, decodeText, detectCharset } from './charset';
export { systemClock, type Clock } from './clock';
export { contentTypeProblem, mediaTypeOf, type ExpectedContent } from './content-type';
export { FetchError, isHalfFailure, parseRetryAfter, type FetchErrorCode } from './fetch-error';
export type { FetchResult } from './fetch-result';
export {
  socketConnectionFactory,
  systemResolver,
  type ConnectionFactory,
  type ConnectTarget,
  type ResolvedAddress,
  type Resolver,
} from './guarded-connector';
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_DEADLINE_MS,
  DEFAULT_MAX_BYTES,
  GuardedHttpClient,
  MAX_REDIRECTS,
  type FetchOptions,
  type GuardedHttpClientOptions,
  type PostResult,
} from './guarded-http-client';
export { HostBusyError, HostThrottle, hostKey, type HostThrottleOptions, type RunOptions } from './host-throttle';
export { InMemoryHostThrottle, type InMemoryHostThrottleOptions } from './in-memory-host-throttle';
export { PoliteFetcher, type PoliteFetchOptions, type PoliteFetcherOptions } from './polite-fetcher';
export { RedisHostThrottle, type RedisHostThrottleOptions } from './redis-host-throttle';
export { ROBOTS_USER_AGENT, RobotsPolicy, type RobotsPolicyOptions } from './robots-policy';
