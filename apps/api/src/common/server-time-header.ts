import { SERVER_TIME_HEADER } from '@vigil/contracts';
import type { Clock } from '@vigil/domain';
import type { NextFunction, Request, Response } from 'express';

/** Stamps every answer with the app's clock (the test clock in tests), which deadlines are computed on. */
export function serverTimeHeader(clock: Clock) {
  return (_request: Request, response: Response, next: NextFunction): void => {
    response.setHeader(SERVER_TIME_HEADER, clock.now().toISOString());
    next();
  };
}
