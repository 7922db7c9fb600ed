import type { ValidationError } from '@nestjs/common';
import { type ErrorCode, VigilError } from '@vigil/contracts';
import { URL_CREDENTIALS_RULE } from './field-rules';

/** Rules whose refusal has a code of its own, so clients can say more than "not valid". */
const RULE_CODES: Readonly<Partial<Record<string, ErrorCode>>> = { [URL_CREDENTIALS_RULE]: 'url_has_credentials' };

/**
 * The global ValidationPipe's refusal: `validation_failed` naming the first offending property (dotted for nested
 * objects, e.g. `listing.linkPattern`), with every constraint message in English for developers. A rule with a code
 * of its own (RULE_CODES) gives that code when it is what the first property breaks.
 */
export function validationFailed(errors: ValidationError[]): VigilError {
  const messages = errors.flatMap((error) => constraintMessages(error));
  const first = errors.length ? firstLeaf(errors[0]) : undefined;
  const code = Object.keys(first?.error.constraints ?? {}).map((rule) => RULE_CODES[rule]).find((ruleCode) => ruleCode !== undefined);
  return new VigilError(code ?? 'validation_failed', messages.join('; ') || 'The request is not valid', first === undefined ? {} : { field: first.path });
}

function firstLeaf(error: ValidationError, prefix = ''): { error: ValidationError; path: string } {
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  const [child] = error.constraints && Object.keys(error.constraints).length ? [] : (error.children ?? []);
  return child ? firstLeaf(child, path) : { error, path };
}

function constraintMessages(error: ValidationError, prefix = ''): string[] {
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => (prefix ? `${prefix}.${message}` : message));
  return [...own, ...(error.children ?? []).flatMap((child) => constraintMessages(child, path))];
}
