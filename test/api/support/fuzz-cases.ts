import type { DtoSpec, FieldSpec, RouteInputs } from './route-inputs';

/**
 * Hostile requests for one route, built from what the route takes (see route-inputs.ts): wrong types, missing and
 * extra fields and explicit nulls per DTO field; oversized, deep, NUL-bearing, mis-encoded, bidirectional and
 * injection-shaped values; bad path ids and paging. Each route gets a bounded number of cases (a few dozen to
 * two hundred), so the whole suite stays quick.
 */

export interface FuzzCase {
  label: string;
  path: string;
  /** Raw query string, already encoded, without `?`. */
  query?: string;
  body?: string | Buffer;
  contentType?: string;
}

const MiB = 1024 * 1024;

/** Strings every text field meets; each one is something a publisher, a user or an attacker does type. */
export const HOSTILE_STRINGS: Readonly<Record<string, string>> = {
  sqlQuote: "Tin ' OR '1'='1' --",
  sqlDrop: "x'); DROP TABLE sources; --",
  sqlUnion: "' UNION SELECT password_hash, username FROM users --",
  htmlScript: '<script>alert("xss")</script>',
  htmlImg: '"><img src=x onerror=alert(1)>',
  nul: 'Tin\u0000giả',
  combining: `Tie\u0302\u0301ng Vie\u0323\u0302t ${'a\u0301\u0323\u0302\u0303'.repeat(40)}`,
  rtl: '\u202Eخبر كاذب\u202C שמועה \u2067עברית\u2069',
  loneSurrogate: 'nửa \uD800 ký tự',
  controlChars: 'dòng 1\r\ndòng 2\u0007\u001b[31m\u2028\u2029',
  template: '%s%n%x {{7*7}} ${7*7} #{7*7}',
  traversal: '../../../../etc/passwd',
  long: 'ắ'.repeat(4_000),
};

/** 1 MiB of text: far over every route's body limit, so it must be refused before anything reads it. */
export const ONE_MIB = 'đ'.repeat(MiB / 2);

/** Path ids that are not UUIDs, or are UUIDs no record has; already encoded for a URL path. */
export const BAD_IDS: readonly string[] = [
  'not-a-uuid',
  encodeURIComponent("1' OR '1'='1"),
  encodeURIComponent('<script>alert(1)</script>'),
  '%00',
  '%C3%28',
  '%FF%FE',
  '%ZZ',
  '..%2F..%2Fetc%2Fpasswd',
  'a'.repeat(4_000),
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  '3D8F7A10-2B4C-4E6F-9A1B-5C7D9E0F1A2B',
  '{3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b}',
  '3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b%20',
  encodeURIComponent('3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2\u0301'),
  encodeURIComponent('\u202E3d8f7a10'),
];

/** Paging and number-shaped query values: negative, huge, fractional, not numbers at all. */
const BAD_NUMBERS: readonly string[] = ['-1', '0', '-99999999999', '99999999999999999999', '1e309', '1.5', 'abc', '', '%205', '0x10', 'NaN', 'Infinity', '%00'];

/** Hostile values as they arrive in a query string (bounded: a URL must fit the server's header limit). */
const QUERY_STRINGS: readonly string[] = [
  // A lone surrogate cannot be percent-encoded (it is sent below as its UTF-8 bytes); a long value is shortened to
  // fit Node's 16 KiB header limit, past which Node itself answers 431 before the app sees the request.
  ...Object.values(HOSTILE_STRINGS)
    .filter((value) => value !== HOSTILE_STRINGS.loneSurrogate && value !== HOSTILE_STRINGS.long)
    .map((value) => encodeURIComponent(value)),
  encodeURIComponent('ắ'.repeat(700)),
  '%00',
  'a%00b',
  '%C3%28',
  '%ED%A0%80',
  '%FF',
  '%',
  '%E0%A4%A',
];

export interface FuzzContext {
  /** The id a path parameter takes when the case fuzzes something else (an existing record where there is one). */
  idFor(route: RouteInputs): string;
  /** A fresh suffix, so values that must be unique (usernames, source URLs) do not collide between cases. */
  unique(): string;
}

export function casesFor(route: RouteInputs, context: FuzzContext): FuzzCase[] {
  const id = context.idFor(route);
  // A wildcard route (`{*any}`, the console's fallback) is fuzzed at a path it matches.
  const path = route.path.replace(/\{\*\w+\}/g, 'trang/khong-co').replace(/:\w+/g, id).replace(/^(?!\/)/, '/');
  const cases: FuzzCase[] = [];

  for (const param of route.pathParams) {
    for (const bad of BAD_IDS) {
      const badPath = route.path.replace(`:${param}`, bad).replace(/:\w+/g, id);
      cases.push({ label: `path ${param}=${bad.slice(0, 40)}`, path: badPath, ...(route.body ? jsonBody(validBody(route.body, context)) : {}) });
    }
  }

  if (route.query) cases.push(...queryCases(route.query, path));
  for (const name of route.namedQuery) {
    for (const value of [...BAD_IDS, ...QUERY_STRINGS]) cases.push({ label: `query ${name}=${value.slice(0, 40)}`, path, query: `${name}=${value}` });
    cases.push({ label: `query ${name} repeated`, path, query: `${name}=a&${name}=b` });
  }
  // Whatever a route reads, unknown and odd-shaped parameters must not break it.
  cases.push(
    { label: 'query: unknown parameter', path, query: 'khong_co=1' },
    { label: 'query: prototype keys', path, query: '__proto__%5Bpolluted%5D=1&constructor%5Bprototype%5D%5Bx%5D=1' },
    { label: 'query: bracket array', path, query: 'limit%5B%5D=1&q%5B%24ne%5D=1' },
  );

  if (route.body === 'raw') cases.push(...rawBodyCases(route, path));
  else if (route.body) cases.push(...dtoBodyCases(route.body, path, context));
  if (route.body) cases.push(...bodyShapeCases(route, path, context));
  // A route taking a password hashes or verifies it (Argon2id, ~100 ms) on most cases: fewer of those.
  const takesPassword = typeof route.body === 'object' && route.body?.fields.some((field) => field.kind === 'string' && (field.minLength ?? 0) >= 8);
  return sample(cases, takesPassword || route.path.endsWith('/login') ? MAX_PASSWORD_CASES : MAX_CASES_PER_ROUTE);
}

const MAX_PASSWORD_CASES = 50;

/** Enough to meet every kind of value on every field, few enough that the suite stays within its time budget. */
const MAX_CASES_PER_ROUTE = 150;

/** An evenly spread, deterministic subset, so every kind of case keeps some representatives. */
function sample<T>(cases: T[], max: number): T[] {
  if (cases.length <= max) return cases;
  return Array.from({ length: max }, (_, index) => cases[Math.floor((index * cases.length) / max)]!);
}

/** A valid body: every required field at a valid value (unique where it may have to be). */
export function validBody(dto: DtoSpec | 'raw', context: FuzzContext): Record<string, unknown> {
  if (dto === 'raw') return {};
  const body: Record<string, unknown> = {};
  for (const field of dto.fields) if (!field.optional) body[field.name] = validValue(field, context);
  return body;
}

function validValue(field: FieldSpec, context: FuzzContext): unknown {
  switch (field.kind) {
    case 'url':
      // A closed port on loopback: a source created by the fuzz never fetches anything.
      return `http://127.0.0.1:9/nguon-${context.unique()}.rss`;
    case 'enum':
      return field.choices?.find((choice) => choice !== null);
    case 'int':
    case 'number':
      return field.min ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return field.choices ? [field.choices[0]] : ['tin-gia'];
    case 'object':
      return field.nested ? validBody(field.nested, context) : {};
    case 'uuid':
      return '3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b';
    case 'string': {
      const base = typeof field.example === 'string' ? field.example : (field.minLength ?? 0) >= 8 ? 'mat-khau-thu-nghiem' : 'Tin thử nghiệm';
      // A suffix keeps usernames, names and passwords unique (and never the admin's own: no lock-out, no sign-in).
      return `${base}-${context.unique()}`.slice(0, field.maxLength ?? 200);
    }
  }
}

function wrongTypes(field: FieldSpec): unknown[] {
  switch (field.kind) {
    case 'string':
    case 'url':
    case 'uuid':
      return [12345, true, {}, ['a'], 1e308];
    case 'enum':
      return [1, ['x'], 'KHONG_CO', String(field.choices?.[0] ?? '').toUpperCase()];
    case 'int':
    case 'number':
      return [`${field.min ?? 1}`, 60.5, -1, 0, 1e308, -1e308, 2 ** 53 + 1, true, ''];
    case 'boolean':
      return ['true', 1, 'false', 0];
    case 'array':
      return ['tin', {}, [1, 2], [null], [['a']], [{}], Array.from({ length: 1_000 }, (_, index) => `the-${index}`)];
    case 'object':
      return ['x', [], 1, true, { khong_co: 1 }];
  }
}

function fieldValues(field: FieldSpec): { label: string; value: unknown }[] {
  const values: { label: string; value: unknown }[] = [
    { label: 'null', value: null },
    ...wrongTypes(field).map((value) => ({ label: `wrong type ${JSON.stringify(value)?.slice(0, 30)}`, value })),
  ];
  const strings = Object.entries(HOSTILE_STRINGS).map(([label, value]) => ({ label, value: value as unknown }));
  if (['string', 'url', 'enum', 'uuid'].includes(field.kind)) {
    values.push(...strings, { label: 'empty', value: '' }, { label: 'blank', value: '   ' });
    if (field.maxLength !== undefined) values.push({ label: 'one over maxLength', value: 'x'.repeat(field.maxLength + 1) });
  }
  if (field.kind === 'url') {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://user:pass@127.0.0.1:9/a.rss', 'http://[::1', 'http://127.0.0.1:99999/', 'data:text/html,<script>alert(1)</script>', 'http://127.0.0.1:9/\u0000.rss', `http://127.0.0.1:9/${'\u202E'}.rss`]) {
      values.push({ label: `url ${url.slice(0, 30)}`, value: url });
    }
  }
  if (field.kind === 'array') values.push(...strings.map(({ label, value }) => ({ label: `each ${label}`, value: [value] })));
  return values;
}

function dtoBodyCases(dto: DtoSpec, path: string, context: FuzzContext, prefix = ''): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const field of dto.fields) {
    const name = `${prefix}${field.name}`;
    const withValue = (value: unknown): Record<string, unknown> => {
      const body = validBody(dto, context);
      body[field.name] = value;
      return body;
    };
    if (!field.optional) {
      const body = validBody(dto, context);
      delete body[field.name];
      cases.push({ label: `body ${name} missing`, path, ...jsonBody(body) });
    }
    for (const { label, value } of fieldValues(field)) cases.push({ label: `body ${name}: ${label}`, path, ...jsonBody(withValue(value)) });
    // Over the route's body limit whatever the field: once per DTO is enough (it is refused before parsing).
    if (field === dto.fields[0]) cases.push({ label: `body ${name}: 1 MiB`, path, ...jsonBody(withValue(ONE_MIB)) });
    if (field.nested) {
      for (const nested of dtoBodyCases(field.nested, path, context, `${name}.`)) {
        const inner = JSON.parse(String(nested.body)) as unknown;
        cases.push({ ...nested, ...jsonBody({ ...validBody(dto, context), [field.name]: inner }) });
      }
    }
  }
  return prefix ? cases : [...cases, { label: 'body: extra field', path, ...jsonBody({ ...validBody(dto, context), khongCoTruongNay: 'x' }) }];
}

/** The body as a whole: not an object, too deep, not JSON, not UTF-8, not the declared media type. */
function bodyShapeCases(route: RouteInputs, path: string, context: FuzzContext): FuzzCase[] {
  const base = JSON.stringify(validBody(route.body!, context));
  const json = 'application/json';
  const nest = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return [
    { label: 'body {}', path, body: '{}', contentType: json },
    { label: 'body []', path, body: '[]', contentType: json },
    { label: 'body [valid]', path, body: `[${base}]`, contentType: json },
    { label: 'body "string"', path, body: '"tin"', contentType: json },
    { label: 'body 123', path, body: '123', contentType: json },
    { label: 'body null', path, body: 'null', contentType: json },
    { label: 'body nested 17 deep', path, body: nest(17), contentType: json },
    { label: 'body nested 1,000 deep', path, body: nest(1_000), contentType: json },
    { label: 'body arrays 3,000 deep', path, body: `${'['.repeat(3_000)}${']'.repeat(3_000)}`, contentType: json },
    { label: 'body truncated JSON', path, body: base.slice(0, -3), contentType: json },
    { label: 'body raw NUL byte', path, body: Buffer.concat([Buffer.from(base.slice(0, 2)), Buffer.from([0]), Buffer.from(base.slice(2))]), contentType: json },
    { label: 'body invalid UTF-8 in a string', path, body: withBytesInAString(validBody(route.body!, context), [0xc3, 0x28, 0xa0, 0xa1, 0xed, 0xa0, 0x80, 0xff]), contentType: json },
    { label: 'body invalid UTF-8, charset declared', path, body: withBytesInAString(validBody(route.body!, context), [0xf0, 0x28, 0x8c, 0x28, 0xc0, 0xaf]), contentType: `${json}; charset=utf-8` },
    { label: 'body BOM', path, body: `\uFEFF${base}`, contentType: json },
    { label: 'body duplicate keys', path, body: `{"x":1,${base.slice(1, -1)}${base.length > 2 ? ',' : ''}"x":2}`, contentType: json },
    { label: 'body __proto__', path, body: `{"__proto__":{"roles":["admin"],"polluted":true},${base.slice(1)}`.replace(',}', '}'), contentType: json },
    { label: 'body constructor.prototype', path, body: `{"constructor":{"prototype":{"polluted":true}},${base.slice(1)}`.replace(',}', '}'), contentType: json },
    { label: 'body number 1e999', path, body: base.replace(/^\{/, '{"n":1e999,').replace(',}', '}'), contentType: json },
    { label: 'body 1 MiB', path, body: JSON.stringify({ x: ONE_MIB }), contentType: json },
    { label: 'body as text/plain', path, body: base, contentType: 'text/plain' },
    { label: 'body as a form', path, body: 'name=Tin&kind=rss&url=http%3A%2F%2F127.0.0.1%3A9%2F', contentType: 'application/x-www-form-urlencoded' },
    { label: 'body as XML', path, body: '<?xml version="1.0"?><opml version="2.0"><body/></opml>', contentType: 'application/xml' },
    { label: 'body charset utf-7', path, body: base, contentType: `${json}; charset=utf-7` },
    { label: 'body unknown media type', path, body: base, contentType: 'application/x-khong-co' },
    { label: 'body without media type', path, body: base },
  ];
}

/** A route that takes its body as a document (OPML): hostile documents of the media type it documents. */
function rawBodyCases(route: RouteInputs, path: string): FuzzCase[] {
  const type = route.consumes[0] ?? 'text/plain';
  const outline = (attributes: string) => `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Nguồn</title></head><body><outline ${attributes}/></body></opml>`;
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const documents: { label: string; body: string | Buffer }[] = [
    { label: 'empty', body: '' },
    { label: 'blank', body: '   \n' },
    { label: 'not XML', body: 'Đây không phải OPML' },
    { label: 'HTML', body: '<!doctype html><html><body><script>alert(1)</script></body></html>' },
    { label: 'DOCTYPE with entities', body: `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><opml version="2.0"><body><outline text="&b;" xmlUrl="http://127.0.0.1:9/a.rss"/></body></opml>` },
    { label: 'external entity', body: '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><opml version="2.0"><body><outline text="&xxe;" xmlUrl="http://127.0.0.1:9/b.rss"/></body></opml>' },
    { label: 'numeric references', body: outline(`text="${'&#x1F600;'.repeat(20_000)}" xmlUrl="http://127.0.0.1:9/c.rss"`) },
    { label: 'NUL reference', body: outline('text="Tin&#0;giả" xmlUrl="http://127.0.0.1:9/d.rss"') },
    { label: 'raw NUL byte', body: Buffer.concat([Buffer.from(outline('text="Tin').slice(0, -2)), Buffer.from([0]), Buffer.from('giả" xmlUrl="http://127.0.0.1:9/e.rss"/></body></opml>')]) },
    { label: 'invalid UTF-8', body: Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><body><outline text="'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('" xmlUrl="http://127.0.0.1:9/f.rss"/></body></opml>')]) },
    { label: 'unclosed', body: '<?xml version="1.0"?><opml version="2.0"><body><outline text="a"' },
    { label: 'deep nesting', body: `<?xml version="1.0"?><opml version="2.0"><body>${'<outline text="a">'.repeat(5_000)}${'</outline>'.repeat(5_000)}</body></opml>` },
    { label: 'javascript: xmlUrl', body: outline('text="Tin" xmlUrl="javascript:alert(1)"') },
    { label: 'credentials in xmlUrl', body: outline('text="Tin" xmlUrl="http://user:pass@127.0.0.1:9/g.rss"') },
    { label: 'unknown kind', body: outline('text="Tin" xmlUrl="http://127.0.0.1:9/h.rss" xmlns:vigil="https://vigil.example.gov.vn/opml" vigil:kind="khong-co"') },
    ...Object.entries(HOSTILE_STRINGS).map(([label, value]) => ({
      label: `outline text ${label}`,
      body: outline(`text="${escape(value)}" category="${escape(value)}" xmlUrl="http://127.0.0.1:9/${encodeURIComponent(label)}.rss"`),
    })),
    { label: '1 MiB of outlines', body: `<?xml version="1.0"?><opml version="2.0"><body>${'<outline text="a"/>'.repeat(MiB / 19)}</body></opml>` },
    { label: '6 MiB', body: `<?xml version="1.0"?><opml version="2.0"><body><outline text="${'a'.repeat(6 * MiB)}"/></body></opml>` },
  ];
  return documents.map(({ label, body }) => ({ label: `document ${label}`, path, body, contentType: type }));
}

function queryCases(dto: DtoSpec, path: string): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const field of dto.fields) {
    const values = field.kind === 'int' || field.kind === 'number' ? BAD_NUMBERS : field.kind === 'uuid' ? [...BAD_IDS, ...QUERY_STRINGS] : QUERY_STRINGS;
    for (const value of values) cases.push({ label: `query ${field.name}=${value.slice(0, 40)}`, path, query: `${field.name}=${value}` });
    cases.push({ label: `query ${field.name} repeated`, path, query: `${field.name}=1&${field.name}=2` });
    if (field.maxLength !== undefined) cases.push({ label: `query ${field.name} over maxLength`, path, query: `${field.name}=${'x'.repeat(field.maxLength + 1)}` });
  }
  // Every paging value at its extremes together, and a query of every hostile shape at once.
  const paging = dto.fields.filter((field) => field.kind === 'int').map((field) => field.name);
  if (paging.length) {
    cases.push({ label: 'query paging negative', path, query: paging.map((name) => `${name}=-1`).join('&') });
    cases.push({ label: 'query paging huge', path, query: paging.map((name) => `${name}=9007199254740993`).join('&') });
    cases.push({ label: 'query paging at the bounds', path, query: dto.fields.filter((field) => field.kind === 'int').map((field) => `${field.name}=${field.max ?? 1}`).join('&') });
  }
  return cases;
}

/** The body with bytes that are not UTF-8 inside its first string value (or a `name` field), as raw JSON. */
function withBytesInAString(body: Record<string, unknown>, bytes: number[]): Buffer {
  const key = Object.entries(body).find(([, value]) => typeof value === 'string')?.[0] ?? 'name';
  const rest = JSON.stringify({ ...body, [key]: undefined });
  return Buffer.concat([Buffer.from(`{"${key}":"Tin `), Buffer.from(bytes), Buffer.from(rest === '{}' ? '"}' : `",${rest.slice(1)}`)]);
}

function jsonBody(body: unknown): { body: string; contentType: string } {
  return { body: JSON.stringify(body), contentType: 'application/json' };
}
