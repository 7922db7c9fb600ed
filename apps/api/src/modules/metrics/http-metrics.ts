import type { VigilMetrics } from '@vigil/metrics';
import type { NextFunction, Request, Response } from 'express';

/**
 * Times every request to its last byte, labelled with the route as declared (`/api/items/:id`), so the labels stay
 * as few as the routes. Requests no route took (404s, the socket.io transport) are `unmatched`.
 */
export function recordHttpDurations(metrics: VigilMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const startedAt = process.hrtime.bigint();
    response.once('finish', () => {
      const routePath = (request.route as { path?: unknown } | undefined)?.path;
      const route = typeof routePath === 'string' ? `${request.baseUrl}${routePath}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      metrics.httpDuration.observe({ method: request.method, route, status: String(response.statusCode) }, seconds);
    });
    next();
  };
}
