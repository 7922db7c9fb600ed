import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { contentSecurityPolicy } from 'helmet';

/**
 * Helmet's headers on every response (nosniff, no referrer, no framing, no X-Powered-By, HSTS over HTTPS, …) with a
 * Content-Security-Policy chosen by what the path serves. The snapshot route sets its own, stricter page policy on
 * top (apps/api/src/modules/items/items.controller.ts), which replaces the one given here.
 */

type Policy = Record<string, string[]>;

/** What every policy shares: no plugins, no <base> rewriting, never inside another site's frame. */
const COMMON: Policy = { 'object-src': ["'none'"], 'base-uri': ["'none'"], 'frame-ancestors': ["'none'"] };

/**
 * The console as Vite builds it: one module script and one stylesheet from /assets, API calls to its own origin, no
 * inline script or style element (React sets style properties through the DOM, which style-src does not govern).
 */
export const CONSOLE_POLICY: Policy = {
  ...COMMON,
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
};

/** The OpenAPI page: Swagger UI's own scripts, but an inline <style> in its template and data: icons in its CSS. */
const DOCS_POLICY: Policy = {
  ...COMMON,
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
};

/** JSON answers: nothing in them may load or run anything, should a browser ever render one. */
const API_POLICY: Policy = { ...COMMON, 'default-src': ["'none'"], 'form-action': ["'none'"] };

const cspMiddleware = (directives: Policy): RequestHandler => contentSecurityPolicy({ useDefaults: false, directives });

export function securityHeaders(): RequestHandler {
  const common = helmet({
    contentSecurityPolicy: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const policies = { console: cspMiddleware(CONSOLE_POLICY), docs: cspMiddleware(DOCS_POLICY), api: cspMiddleware(API_POLICY) };
  return (request: Request, response: Response, next: NextFunction) => {
    common(request, response, (error?: unknown) => {
      if (error) {
        next(error);
        return;
      }
      policies[surfaceOf(request.path)](request, response, next);
    });
  };
}

function surfaceOf(path: string): 'console' | 'docs' | 'api' {
  const lower = path.toLowerCase();
  if (lower.startsWith('/api/docs')) return 'docs';
  if (lower === '/api' || lower.startsWith('/api/') || lower === '/health' || lower.startsWith('/health/')) return 'api';
  return 'console';
}
