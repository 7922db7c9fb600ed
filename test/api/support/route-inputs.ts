import 'reflect-metadata';
import { type INestApplication, RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';

/**
 * What each route of a running Nest app takes, read from the app itself: the handler's path and method (Nest's
 * route metadata), which arguments come from the body, the query and the path, and for a DTO argument its fields as
 * class-validator sees them. The fuzz suite builds its requests from this, so a new route or a new field is fuzzed
 * without anyone listing it.
 */

// Nest's metadata keys (@nestjs/common/constants), written out because that file is not an export of the package.
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';
const ROUTE_ARGS_METADATA = '__routeArguments__';
const PARAMTYPES_METADATA = 'design:paramtypes';
// RouteParamtypes (not exported by @nestjs/common's index): where an argument comes from.
const BODY_ARGUMENT = 3;
const QUERY_ARGUMENT = 4;
// @nestjs/swagger's keys: the media types a handler consumes, and a DTO property's declared type and example.
const API_CONSUMES_METADATA = 'swagger/apiConsumes';
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

export type FieldKind = 'string' | 'int' | 'number' | 'boolean' | 'array' | 'object' | 'enum' | 'url' | 'uuid';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  optional: boolean;
  /** For `enum` (and arrays of choices): the allowed values. */
  choices?: readonly unknown[];
  /** Validation rules applied to each element (arrays). */
  each: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  /** A value the DTO's documentation gives as an example (it must be valid). */
  example?: unknown;
  /** The DTO class of a nested object. */
  nested?: DtoSpec;
}

export interface DtoSpec {
  name: string;
  fields: FieldSpec[];
}

export interface RouteInputs {
  method: string;
  /** As Express lists it: `/api/sources/:id`. */
  path: string;
  controller: string;
  handler: string;
  pathParams: string[];
  /** A DTO bound to the whole body, or `raw` for a body taken as it comes (`@Body() body: unknown`). */
  body: DtoSpec | 'raw' | null;
  /** A DTO bound to the whole query string. */
  query: DtoSpec | null;
  /** Query parameters read one by one (`@Query('lang')`). */
  namedQuery: string[];
  /** Media types the route documents for its body (`@ApiConsumes`), e.g. `text/x-opml`. */
  consumes: string[];
}

type Constructor = abstract new (...args: never[]) => unknown;

export function routeInputsOf(app: INestApplication): RouteInputs[] {
  const routes: RouteInputs[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Constructor | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      const prefixes = asArray(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
      for (const handler of Object.getOwnPropertyNames(prototype)) {
        const method = prototype[handler];
        if (handler === 'constructor' || typeof method !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, method) as string | string[] | undefined;
        if (paths === undefined) continue;
        const requestMethod = RequestMethod[Reflect.getMetadata(METHOD_METADATA, method) as RequestMethod];
        const inputs = argumentsOf(controller, handler);
        const consumes = (Reflect.getMetadata(API_CONSUMES_METADATA, method) as string[] | undefined) ?? [];
        for (const prefix of prefixes.length ? prefixes : ['']) {
          for (const path of asArray(paths)) {
            const full = joinPath(prefix, path);
            routes.push({
              method: requestMethod,
              path: full,
              controller: controller.name,
              handler,
              pathParams: [...full.matchAll(/:(\w+)/g)].map((match) => match[1]!),
              consumes,
              ...inputs,
            });
          }
        }
      }
    }
  }
  return routes;
}

function argumentsOf(controller: Constructor, handler: string): Pick<RouteInputs, 'body' | 'query' | 'namedQuery'> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<string, { index: number; data?: unknown }>;
  const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype as object, handler) ?? []) as unknown[];
  let body: RouteInputs['body'] = null;
  let query: RouteInputs['query'] = null;
  const namedQuery: string[] = [];
  for (const [key, arg] of Object.entries(args)) {
    const paramtype = Number(key.split(':')[0]);
    const type = types[arg.index];
    const dto = isDtoClass(type) ? dtoSpecOf(type) : null;
    if (paramtype === BODY_ARGUMENT && arg.data === undefined) body = dto ?? 'raw';
    if (paramtype === QUERY_ARGUMENT) {
      if (typeof arg.data === 'string') namedQuery.push(arg.data);
      else query = dto;
    }
  }
  return { body, query, namedQuery };
}

function isDtoClass(type: unknown): type is Constructor {
  return typeof type === 'function' && ![Object, String, Number, Boolean, Array].includes(type as never) && getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
}

/** The DTO's fields as its class-validator rules describe them (inherited and mapped-type rules included). */
export function dtoSpecOf(dto: Constructor): DtoSpec {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const names = [...new Set(metadata.map((rule) => rule.propertyName))];
  const fields = names.map((name): FieldSpec => {
    const rules = metadata.filter((rule) => rule.propertyName === name);
    const named = (rule: string) => rules.find((candidate) => candidate.name === rule);
    const documented = (Reflect.getMetadata(API_MODEL_PROPERTIES, dto.prototype as object, name) ?? {}) as { type?: unknown; example?: unknown };
    const isIn = named('isIn');
    const kind: FieldKind = named('isArray')
      ? 'array'
      : named('isUrl')
        ? 'url'
        : named('isUuid')
          ? 'uuid'
          : named('isInt')
            ? 'int'
            : named('isNumber')
              ? 'number'
              : named('isBoolean')
                ? 'boolean'
                : named('isObject') || rules.some((rule) => rule.type === 'nestedValidation')
                  ? 'object'
                  : isIn && !isIn.each
                    ? 'enum'
                    : 'string';
    const nestedType = documented.type;
    return {
      name,
      kind,
      optional: rules.some((rule) => rule.type === 'conditionalValidation'),
      choices: isIn ? (isIn.constraints[0] as unknown[]) : undefined,
      each: rules.some((rule) => rule.each === true),
      minLength: named('minLength')?.constraints[0] as number | undefined,
      maxLength: named('maxLength')?.constraints[0] as number | undefined,
      min: named('min')?.constraints[0] as number | undefined,
      max: named('max')?.constraints[0] as number | undefined,
      example: documented.example,
      nested: kind === 'object' && isDtoClass(nestedType) ? dtoSpecOf(nestedType) : undefined,
    };
  });
  return { name: dto.name, fields };
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function joinPath(prefix: string, path: string): string {
  const joined = `/${[prefix, path].map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
  return joined;
}
