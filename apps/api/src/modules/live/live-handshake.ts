import { VigilError } from '@vigil/contracts';
import type { Socket } from 'socket.io';
import { SESSION_COOKIE } from '../auth/session-cookie';

const EVENT_ID = /^(0|[1-9]\d{0,18})$/;

export interface LiveHandshake {
  token: string;
  /** Undefined: no replay, live from now. */
  lastEventId?: string;
}

/**
 * The credentials a `/live` handshake carries: `auth.token` (the API's bearer token) or, from the console, the
 * session cookie. The cookie is accepted only from Vigil's own origin (it is SameSite=strict too): a page on
 * another site cannot open a socket signed in as the browser's user.
 */
export function readHandshake(handshake: Socket['handshake']): LiveHandshake {
  const auth = (handshake.auth ?? {}) as Record<string, unknown>;
  const lastEventId = readLastEventId(auth.lastEventId);
  if (typeof auth.token === 'string' && auth.token !== '') return { token: auth.token, lastEventId };
  const cookie = cookieValue(handshake.headers.cookie, SESSION_COOKIE);
  if (!cookie) throw new VigilError('unauthenticated', 'Sign in to continue: send auth.token or the session cookie');
  if (!isSameOrigin(handshake.headers.origin, handshake.headers.host)) {
    throw new VigilError('cross_site_request', 'Refused a cookie-signed socket that did not come from this site');
  }
  return { token: cookie, lastEventId };
}

function readLastEventId(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !EVENT_ID.test(text)) {
    throw new VigilError('validation_failed', 'auth.lastEventId must be the id of a live event (a non-negative integer)', { field: 'lastEventId' });
  }
  return text;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(separator + 1).trim()) || null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Browsers always send Origin on a WebSocket or XHR handshake; a script sending the cookie without one is not a browser on another site. */
function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
