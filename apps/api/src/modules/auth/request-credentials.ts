import type { Request } from 'express';
import { SESSION_COOKIE } from './session-cookie';

/** The token of an `Authorization: Bearer …` header, if the request has one. */
export function bearerToken(request: Pick<Request, 'headers'>): string | null {
  const match = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}

/** The session cookie's token; it signs the request in only when no bearer token does. */
export function sessionCookieToken(request: Pick<Request, 'cookies'>): string | null {
  return (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE] ?? null;
}
