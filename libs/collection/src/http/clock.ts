/** The shared clock, so cache lifetimes, back-offs and Retry-After dates are testable without sleeping. */
export { type Clock, systemClock } from '@vigil/domain';
