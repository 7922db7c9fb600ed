import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { VigilError } from '@vigil/contracts';
import { toBody } from './api-exception.filter';

describe('API error bodies', () => {
  it('answers a VigilError with the status of its code, its field and its details', () => {
    const error = new VigilError('too_many_login_attempts', 'Too many failed sign-ins; try again in 15 min', { details: { retryAfterSec: 900 } });
    expect(toBody(error)).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'too_many_login_attempts',
      message: 'Too many failed sign-ins; try again in 15 min',
      details: { retryAfterSec: 900 },
    });
    expect(toBody(new VigilError('poll_bounds_invalid', 'out of bounds', { field: 'pollIntervalSec' }))).toMatchObject({ statusCode: 400, field: 'pollIntervalSec' });
  });

  it("gives Nest's own exceptions a code by status", () => {
    expect(toBody(new NotFoundException('Cannot GET /api/nothing'))).toMatchObject({ statusCode: 404, code: 'route_not_found', message: 'Cannot GET /api/nothing' });
    expect(toBody(new PayloadTooLargeException())).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
    expect(toBody(new BadRequestException(['a must be a string', 'b must be a number']))).toMatchObject({
      statusCode: 400,
      code: 'bad_request',
      message: 'a must be a string; b must be a number',
    });
  });

  it("gives body-parser's refusals a code", () => {
    const unreadable = Object.assign(new SyntaxError('Unexpected end of JSON input'), { status: 400, expose: true, type: 'entity.parse.failed' });
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true, type: 'entity.too.large' });
    expect(toBody(unreadable)).toMatchObject({ statusCode: 400, code: 'malformed_json' });
    expect(toBody(tooLarge)).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
    // As Nest's Express adapter hands them on: wrapped, with the original as cause.
    expect(toBody(new BadRequestException(unreadable.message, { cause: unreadable }))).toMatchObject({ statusCode: 400, code: 'malformed_json' });
  });

  it('answers anything else as a 500 `internal` that reveals nothing', () => {
    const body = toBody(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'internal', message: 'Something went wrong on our side; it has been logged.' });
    expect(toBody({ status: 500, expose: false, message: 'connection refused at 10.0.0.5' })).toMatchObject({ statusCode: 500, code: 'internal' });
  });

  it('answers a dropped or refused database connection as 503 dependency_unavailable, without the driver\'s words', () => {
    const refused = Object.assign(new Error('database "vigil_prod" is not currently accepting connections'), { code: '55000', severity: 'FATAL' });
    expect(toBody(refused)).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'dependency_unavailable',
      message: 'The database cannot be reached; try again shortly.',
      details: { dependency: 'database', retryAfterSec: 5 },
    });
    expect(toBody(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }))).toMatchObject({ statusCode: 503, code: 'dependency_unavailable' });
  });
});
