import { randomUUID } from 'node:crypto';
import { ERROR_CODES, httpStatusOf, type ErrorCode } from '@vigil/contracts';
import { TEST_ADMIN_PASSWORD } from '@vigil/testing';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

interface ErrorExample {
  value: { statusCode: number; error: string; code: string; message: string };
}

interface Operation {
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { description: string; content?: Record<string, { examples?: Record<string, ErrorExample> }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, Record<string, string>>; schemas: Record<string, { properties: { code: { enum: string[] } } }> };
}

/**
 * /api/docs as a developer uses it: "Authorize" with the bearer token or the session cookie works on every route
 * that needs sign-in (and only those), and the error answers it lists are the ones the API sends, with their codes.
 */
describe('OpenAPI document', () => {
  let vigil: VigilTestApp;
  let document: OpenApiDocument;
  const operations: { method: string; path: string; operation: Operation }[] = [];

  beforeAll(async () => {
    vigil = await startVigil();
    const answer = await vigil.request<OpenApiDocument>('GET', '/api/docs-json');
    expect(answer.status).toBe(200);
    document = answer.body;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) operations.push({ method: method.toUpperCase(), path, operation });
    }
  });

  afterAll(async () => {
    await vigil?.close();
  });

  it('declares both ways to sign in: a bearer token and the session cookie', () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.securitySchemes.cookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'vigil_session' });
  });

  it('asks for sign-in on exactly the routes that answer 401 without it', async () => {
    expect(operations.length).toBeGreaterThan(15);
    const mismatched: string[] = [];
    for (const { method, path, operation } of operations) {
      const url = path.replace(/\{[^}]+\}/g, randomUUID());
      // No credentials; an empty JSON body, so a public route refuses it (validation) and nothing is stored.
      const response = await fetch(`${vigil.baseUrl}${url}`, {
        method,
        headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
      await response.arrayBuffer();
      const documented = JSON.stringify(operation.security ?? []) === JSON.stringify([{ bearer: [] }, { cookie: [] }]);
      if ((response.status === 401) !== documented) mismatched.push(`${method} ${path}: answered ${response.status}, security ${JSON.stringify(operation.security ?? [])}`);
    }
    expect(mismatched).toEqual([]);
  });

  it('works with either credential "Authorize" sends', async () => {
    const token = await vigil.adminToken();
    expect((await vigil.request('GET', '/api/items', { token })).status).toBe(200);
    const login = await fetch(`${vigil.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    });
    const cookie = login.headers.getSetCookie().find((header) => header.startsWith('vigil_session='))!.split(';')[0]!;
    expect((await fetch(`${vigil.baseUrl}/api/items`, { headers: { cookie } })).status).toBe(200);
  });

  it('documents what each route refuses with beyond sign-in and validation: 404s, conflicts, the sign-in limit, outages', () => {
    const codesOf = (method: string, path: string, status: string) =>
      Object.keys(operations.find((entry) => entry.method === method && entry.path === path)!.operation.responses[status]?.content?.['application/json']?.examples ?? {});
    expect(codesOf('POST', '/api/auth/login', '429')).toEqual(['too_many_login_attempts']);
    expect(codesOf('POST', '/api/auth/login', '401')).toEqual(['wrong_credentials']);
    expect(codesOf('GET', '/api/items/{id}', '404')).toEqual(['item_not_found']);
    expect(codesOf('POST', '/api/sources', '409')).toEqual(['source_exists']);
    expect(codesOf('POST', '/api/flags/{id}/claim', '409')).toEqual(expect.arrayContaining(['flag_claimed_by_other', 'flag_closed']));
    for (const { method, path } of operations) expect({ route: `${method} ${path}`, codes: codesOf(method, path, '503') }).toEqual({ route: `${method} ${path}`, codes: ['dependency_unavailable'] });
  });

  it('lists the error answers of each route, each with an example per code under the status the API sends it with', () => {
    expect(document.components.schemas.ApiError.properties.code.enum).toEqual([...ERROR_CODES]);
    for (const { method, path, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      if (operation.security?.length) expect({ route: `${method} ${path}`, statuses }).toEqual({ route: `${method} ${path}`, statuses: expect.arrayContaining(['401', '403']) });
      if (operation.parameters?.length || operation.requestBody) expect({ route: `${method} ${path}`, statuses }).toEqual({ route: `${method} ${path}`, statuses: expect.arrayContaining(['400']) });
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const examples = Object.entries(response.content?.['application/json']?.examples ?? {});
        expect(examples.length).toBeGreaterThan(0);
        for (const [code, example] of examples) {
          expect(ERROR_CODES).toContain(code);
          expect({ code, status: httpStatusOf(code as ErrorCode) }).toEqual({ code, status: Number(status) });
          expect(example.value).toMatchObject({ statusCode: Number(status), code });
        }
      }
    }
  });
});
