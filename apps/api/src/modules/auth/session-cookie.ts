import type { CookieOptions } from 'express';

export const SESSION_COOKIE = 'vigil_session';

/**
 * httpOnly so scripts cannot read it; SameSite strict so other sites cannot ride on it. Its lifetime is a
 * Max-Age, not a date, so a browser whose clock differs from the server's keeps it exactly as long.
 */
export function sessionCookieOptions(secure: boolean, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: maxAgeMs };
}
