import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDefined, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * Field rules shared by every DTO, so each path that creates or changes a record (the JSON routes and the OPML
 * import alike) refuses the same values, with a 400 rather than a database error.
 */

/**
 * May be left out, but not sent as `null`: `@IsOptional` lets null through to NOT NULL columns. Fields where null
 * means "none" (languageHint, listing) keep `@IsOptional`.
 */
export const IsOptionalButNotNull = (): PropertyDecorator =>
  applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    IsDefined({ message: '$property must not be null' }),
  );

/** PostgreSQL text and jsonb cannot hold U+0000; refused here instead of failing the query. */
export const HasNoNul = (options: ValidationOptions = {}): PropertyDecorator =>
  ValidateBy(
    {
      name: 'hasNoNul',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !value.includes('\u0000'),
        defaultMessage: () => `${options.each ? 'each value in ' : ''}$property must not contain the NUL character`,
      },
    },
    options,
  );

/**
 * For strings stored inside jsonb (a source's listing rule): PostgreSQL refuses the `\ud800` escape JSON gives a
 * lone UTF-16 surrogate, so it is refused here instead of failing the query. (A text column stores U+FFFD instead.)
 */
export const IsWellFormedText = (options: ValidationOptions = {}): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isWellFormedText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !LONE_SURROGATE.test(value),
        defaultMessage: () => `${options.each ? 'each value in ' : ''}$property must be well-formed Unicode (no unpaired surrogate)`,
      },
    },
    options,
  );

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Trims strings (and the strings of an array) before validation, so `" "` meets `@MinLength(1)` as `""`. */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map(trimString) : trimString(value)));

/** The validator name `validationFailed` answers with its own code, `url_has_credentials`. */
export const URL_CREDENTIALS_RULE = 'urlHasNoCredentials';

/** `user:password@` in a stored URL would be shown to every role and sent with every fetch. */
export const HasNoUrlCredentials = (): PropertyDecorator =>
  ValidateBy({
    name: URL_CREDENTIALS_RULE,
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !hasCredentials(value),
      defaultMessage: () => '$property must not contain a username or password (user:password@)',
    },
  });

export function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    // Not a URL at all: that is @IsUrl's refusal to make. A bare `@` before the host still counts.
    return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
  }
}

function trimString(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() : value;
}
