import { REQUEST_ID_HEADER } from '@vigil/contracts';
import { runWithLogContext } from '@vigil/config';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

// What a proxy's or a client's own id may look like to be kept: nothing that could break a log line or a header.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Gives every request an id (the proxy's or client's X-Request-Id when it is a plain token, else a new one), answers
 * it in the same header, and puts it on every log line written while the request is handled.
 */
export function assignRequestIds(request: Request, response: Response, next: NextFunction): void {
  const given = request.header(REQUEST_ID_HEADER);
  const requestId = given && ACCEPTABLE_ID.test(given) ? given : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, requestId);
  runWithLogContext({ requestId }, next);
}
