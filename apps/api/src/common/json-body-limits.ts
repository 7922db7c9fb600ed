import type { IncomingMessage } from 'node:http';
import { VigilError } from '@vigil/contracts';
import type { json, NextFunction, Request, Response } from 'express';

/**
 * How large and how deep a JSON body may be. Both are checked before validation: class-transformer walks a body
 * recursively, so a few kilobytes nested thousands of levels would exhaust the stack (a 500) on any route, the
 * public sign-in included.
 */

/** The deepest request the API takes is a source's listing rule (2 levels); this leaves room for growth. */
export const MAX_JSON_DEPTH = 16;

/** What the JSON parser reads at most; routes below take less. */
export const MAX_JSON_BODY_BYTES = 100 * 1024;

/** By path prefix (lower case, as Express matches routes case-insensitively); the first that matches applies. */
const ROUTE_LIMITS: readonly { prefix: string; bytes: number }[] = [
  // Credentials only: a username and one or two passwords of at most 256 characters, even fully \u-escaped.
  { prefix: '/api/auth/', bytes: 8 * 1024 },
  { prefix: '/api/users', bytes: 16 * 1024 },
  { prefix: '/api/sources', bytes: 64 * 1024 },
];

export function jsonBodyLimitOf(url: string): number {
  const path = url.toLowerCase();
  return ROUTE_LIMITS.find((limit) => path.startsWith(limit.prefix))?.bytes ?? MAX_JSON_BODY_BYTES;
}

/**
 * The JSON parser's options. Nest's `useBodyParser` type leaves out `verify` because `rawBody: true` would replace it;
 * this app does not use `rawBody`, so the hook below is what runs.
 */
export const JSON_PARSER_OPTIONS: NonNullable<Parameters<typeof json>[0]> = { limit: MAX_JSON_BODY_BYTES, verify: verifyJsonBodySize };

/**
 * body-parser's `verify` hook, on the raw bytes before they are parsed. It throws body-parser's own kind of
 * refusal (an http-errors shape), which the exception filter answers as 413 `payload_too_large`.
 */
export function verifyJsonBodySize(request: IncomingMessage, _response: unknown, body: Buffer): void {
  const limit = jsonBodyLimitOf(request.url ?? '/');
  if (body.length > limit) {
    throw Object.assign(new Error(`The JSON body is ${body.length} bytes; this route takes at most ${limit}`), {
      status: 413,
      type: 'entity.too.large',
      limit,
      length: body.length,
    });
  }
}

/** Middleware after the JSON parser: refuses a body nested deeper than MAX_JSON_DEPTH with 400 `body_too_deep`. */
export function rejectDeepJson(request: Request, _response: Response, next: NextFunction): void {
  if (nestsDeeperThan(request.body, MAX_JSON_DEPTH)) {
    next(new VigilError('body_too_deep', `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep`));
    return;
  }
  next();
}

/** Iterative, so the check itself cannot run out of stack; stops at the first node past the limit. */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: { node: unknown; depth: number }[] = [{ node: value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.node === null || typeof next.node !== 'object') continue;
    if (next.depth > maxDepth) return true;
    for (const child of Object.values(next.node)) pending.push({ node: child, depth: next.depth + 1 });
  }
  return false;
}
