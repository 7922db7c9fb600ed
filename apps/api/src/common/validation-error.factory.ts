import type { ValidationError } from '@nestjs/common';
import { VigilError } from '@vigil/contracts';

/**
 * The global ValidationPipe's refusal: `validation_failed` naming the first offending property (dotted for nested
 * objects, e.g. `listing.linkPattern`), with every constraint message in English for developers.
 */
export function validationFailed(errors: ValidationError[]): VigilError {
  const messages = errors.flatMap((error) => constraintMessages(error));
  const field = errors.length ? firstPath(errors[0]) : undefined;
  return new VigilError('validation_failed', messages.join('; ') || 'The request is not valid', field === undefined ? {} : { field });
}

function firstPath(error: ValidationError, prefix = ''): string {
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  const [child] = error.constraints && Object.keys(error.constraints).length ? [] : (error.children ?? []);
  return child ? firstPath(child, path) : path;
}

function constraintMessages(error: ValidationError, prefix = ''): string[] {
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => (prefix ? `${prefix}.${message}` : message));
  return [...own, ...(error.children ?? []).flatMap((child) => constraintMessages(child, path))];
}
