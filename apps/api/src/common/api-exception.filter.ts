import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@vigil/contracts';
import type { Response } from 'express';

/**
 * Every error leaves the API as `{statusCode, error, message}` with a message fit for the user.
 * Client mistakes keep their 4xx (including body-parser's); anything else is a 500 without internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    const retryAfterSec = (exception as { retryAfterSec?: unknown }).retryAfterSec;
    if (typeof retryAfterSec === 'number') response.setHeader('retry-after', String(retryAfterSec));
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const answer = exception.getResponse();
      const message = typeof answer === 'string' ? answer : (answer as { message?: string | string[] }).message ?? exception.message;
      return { statusCode, error: reasonPhrase(statusCode), message: Array.isArray(message) ? message.join('; ') : message };
    }
    const clientError = exception as { status?: unknown; expose?: unknown; message?: unknown };
    if (typeof clientError.status === 'number' && clientError.status >= 400 && clientError.status < 500 && clientError.expose) {
      return { statusCode: clientError.status, error: reasonPhrase(clientError.status), message: String(clientError.message) };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side; it has been logged.' };
  }
}

function reasonPhrase(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return name ? name.toLowerCase().split('_').map((word) => word[0].toUpperCase() + word.slice(1)).join(' ') : 'Error';
}
