import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { type ApiErrorBody, type ErrorCode, httpStatusOf, VigilError } from '@vigil/contracts';
import { isDatabaseUnavailable } from '@vigil/persistence';
import type { Response } from 'express';

/**
 * Every error leaves the API as `{statusCode, error, code, message[, field][, details]}`: VigilError through the
 * one code → status mapping in contracts, Nest's own exceptions and body-parser's refusals with a code chosen by
 * status, a dropped or refused database connection as a 503 (an outage, not a bug), anything else as a 500
 * `internal` without internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toBody(exception);
    const retryAfterSec = body.details?.retryAfterSec;
    if (typeof retryAfterSec === 'number') response.setHeader('retry-after', String(retryAfterSec));
    if (body.code === 'internal') this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    // A translated outage keeps the driver's own words for the log (they never reach the client).
    else if (body.statusCode >= 500) this.logger.warn(`${body.code}: ${body.message}${exception instanceof VigilError ? '' : ` (${String((exception as Error).message)})`}`);
    // Also on routes that declare another type (the snapshot page's text/html): an error is always JSON.
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.status(body.statusCode).json(body);
  }
}

export function toBody(exception: unknown): ApiErrorBody {
  if (exception instanceof VigilError) {
    const statusCode = httpStatusOf(exception.code);
    return {
      statusCode,
      error: reasonPhrase(statusCode),
      code: exception.code,
      message: exception.message,
      ...(exception.field === undefined ? {} : { field: exception.field }),
      ...(exception.details === undefined ? {} : { details: exception.details }),
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const answer = exception.getResponse();
    const message = typeof answer === 'string' ? answer : ((answer as { message?: string | string[] }).message ?? exception.message);
    // Nest wraps body-parser's refusals (unreadable JSON among them) into HttpExceptions with the original as cause.
    const code = isUnreadableBody(exception.cause) ? 'malformed_json' : codeOfStatus(statusCode);
    return withCode(statusCode, code, Array.isArray(message) ? message.join('; ') : message);
  }
  const clientError = exception as { status?: unknown; expose?: unknown; message?: unknown; type?: unknown };
  if (typeof clientError.status === 'number' && clientError.status >= 400 && clientError.status < 500 && clientError.expose) {
    // body-parser's refusals: unreadable JSON, a body over the limit, an unknown charset.
    const code = isUnreadableBody(exception) ? 'malformed_json' : codeOfStatus(clientError.status);
    return withCode(clientError.status, code, String(clientError.message));
  }
  if (isDatabaseUnavailable(exception)) {
    // The driver's words name the database and host: they go to the log, not to the client.
    return toBody(new VigilError('dependency_unavailable', 'The database cannot be reached; try again shortly.', { details: { dependency: 'database', retryAfterSec: DATABASE_RETRY_AFTER_SEC } }));
  }
  return withCode(500, 'internal', 'Something went wrong on our side; it has been logged.');
}

/** What a client is told to wait after a database outage answer: the pool reconnects on the next request. */
const DATABASE_RETRY_AFTER_SEC = 5;

function isUnreadableBody(error: unknown): boolean {
  return (error as { type?: unknown } | undefined)?.type === 'entity.parse.failed';
}

/** For exceptions raised by Nest and Express themselves, which know only a status. */
function codeOfStatus(status: number): ErrorCode {
  switch (status) {
    case HttpStatus.UNAUTHORIZED:
      return 'unauthenticated';
    case HttpStatus.FORBIDDEN:
      return 'forbidden';
    case HttpStatus.NOT_FOUND:
      return 'route_not_found';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'payload_too_large';
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return 'unsupported_media_type';
    case HttpStatus.SERVICE_UNAVAILABLE:
      return 'dependency_unavailable';
    default:
      return status < 500 ? 'bad_request' : 'internal';
  }
}

function withCode(statusCode: number, code: ErrorCode, message: string): ApiErrorBody {
  if (code === 'internal') return { statusCode: 500, error: reasonPhrase(500), code, message: 'Something went wrong on our side; it has been logged.' };
  return { statusCode, error: reasonPhrase(statusCode), code, message };
}

export function reasonPhrase(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return name ? name.toLowerCase().split('_').map((word) => word[0].toUpperCase() + word.slice(1)).join(' ') : 'Error';
}
