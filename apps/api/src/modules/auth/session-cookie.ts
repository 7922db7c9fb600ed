import type { CookieOptions } from 'express';

export const SESSION_COOKIE = 'vigil_session';

/** httpOnly so scripts cannot read it; SameSite strict so other sites cannot ride on it. */
export function sessionCookieOptions(secure: boolean, expiresAt?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt };
}
