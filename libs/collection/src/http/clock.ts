/** Where "now" comes from, so cache lifetimes, back-offs and Retry-After dates are testable without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
