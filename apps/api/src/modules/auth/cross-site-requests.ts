import { VigilError } from '@vigil/contracts';
import type { NextFunction, Request, Response } from 'express';
import { bearerToken, sessionCookieToken } from './request-credentials';

/**
 * CSRF defence for the session cookie, beside its SameSite=strict. A state change the cookie signs in (no bearer
 * token, which another site cannot make a browser send) must come from Vigil's own origin and not in a body an HTML
 * form could send; sign-in too, so another site cannot sign a browser in as someone else. Runs before the body
 * parsers, so a refused body is never read.
 */

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What an HTML form (or a no-preflight fetch) can send cross-site; the API reads JSON, and OPML as text/x-opml. */
const FORM_MEDIA_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

const LOGIN_PATH = '/api/auth/login';

export function rejectCrossSiteRequests(request: Request, _response: Response, next: NextFunction): void {
  if (!STATE_CHANGING.has(request.method)) return next();
  const isLogin = request.path.toLowerCase().replace(/\/+$/, '') === LOGIN_PATH;
  const cookieSignsIn = bearerToken(request) === null && sessionCookieToken(request) !== null;
  if (!isLogin && !cookieSignsIn) return next();

  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (FORM_MEDIA_TYPES.has(mediaType)) {
    return next(new VigilError('unsupported_media_type', `Refused a ${mediaType} body: send JSON (or OPML as text/x-opml)`));
  }
  const origin = originOf(request);
  // Browsers send Origin with every state change; a script signing in without one is no cross-site request. A cookie
  // request without it is refused: the cookie is for the console, scripts use bearer tokens.
  if (origin === 'cross-site' || (origin === 'unknown' && !isLogin)) {
    return next(new VigilError('cross_site_request', 'Refused a state change that did not come from this site'));
  }
  next();
}

/**
 * Sec-Fetch-Site when the browser sends it (its own verdict, unaffected by proxies in between), else Origin against
 * the origin this request was addressed to (scheme and host as seen through VIGIL_TRUST_PROXY).
 */
function originOf(request: Request): 'same-origin' | 'cross-site' | 'unknown' {
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') return fetchSite === 'same-origin' ? 'same-origin' : 'cross-site';
  const origin = request.headers.origin;
  if (origin === undefined) return 'unknown';
  return origin === ownOrigin(request) ? 'same-origin' : 'cross-site';
}

function ownOrigin(request: Request): string | null {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return null;
  }
}
