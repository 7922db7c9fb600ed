import type { VigilConfig } from '@vigil/config';
import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'vigil_session';

/**
 * httpOnly so scripts cannot read it; SameSite strict so other sites cannot ride on it. Its lifetime is a
 * Max-Age, not a date, so a browser whose clock differs from the server's keeps it exactly as long.
 */
export function sessionCookieOptions(secure: boolean, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: maxAgeMs };
}

/**
 * Whether the cookie is marked Secure: with VIGIL_COOKIE_SECURE=auto, whenever this request came over HTTPS
 * (`request.secure` believes X-Forwarded-Proto only from a proxy VIGIL_TRUST_PROXY trusts).
 */
export function cookieIsSecure(setting: VigilConfig['auth']['secureCookie'], request: Pick<Request, 'secure'>): boolean {
  return setting === 'auto' ? request.secure : setting;
}
