import { Ajv, type ValidateFunction } from 'ajv';

export interface DocumentedOperation {
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown }> }>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, DocumentedOperation>>;
  components: { schemas: Record<string, unknown> };
}

/** Checks bodies against the schemas /api/docs documents, so what a client reads there is what it gets. */
export class DocumentedAnswers {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  private readonly validators = new Map<string, ValidateFunction>();
  readonly routes: { method: string; path: string; pattern: RegExp; operation: DocumentedOperation }[] = [];
  /** `METHOD path` of every route a real answer was checked for. */
  readonly checked = new Set<string>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv.addSchema({ $id: 'vigil-api', components: document.components });
    for (const [path, item] of Object.entries(document.paths)) {
      const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(item)) this.routes.push({ method: method.toUpperCase(), path, pattern, operation });
    }
  }

  /** Schema names a response refers to that the document lacks (a type added to contracts without regenerating). */
  missingSchemas(schema: unknown): string[] {
    const names = [...JSON.stringify(schema ?? null).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(([, name]) => name!);
    return names.filter((name) => !(name in this.document.components.schemas));
  }

  /** The route that serves this request: a literal segment (`/api/sources/export`) wins over a parameter. */
  routeOf(method: string, url: string) {
    const path = new URL(url, 'http://vigil').pathname;
    const candidates = this.routes.filter((route) => route.method === method && route.pattern.test(path));
    return candidates.sort((a, b) => (a.path.match(/\{/g) ?? []).length - (b.path.match(/\{/g) ?? []).length)[0];
  }

  /** Problems with a body, or [] when it matches the schema documented for its route, status and media type. */
  problems(method: string, url: string, status: number, mediaType: string, body: unknown): string[] {
    const route = this.routeOf(method, url);
    if (!route) return [`${method} ${url}: no documented route`];
    const name = `${route.method} ${route.path}`;
    const content = route.operation.responses[String(status)]?.content;
    if (status === 204) return content ? [`${name}: 204 documents a body`] : this.pass(name);
    const documented = content?.[mediaType];
    if (!documented?.schema) return [`${name}: ${status} ${mediaType} is not documented (documented: ${Object.keys(route.operation.responses).join(', ')})`];
    const missing = this.missingSchemas(documented.schema);
    if (missing.length) return [`${name}: no schema ${missing.join(', ')} (run npm run contracts:schemas)`];
    const validate = this.validator(JSON.stringify(documented.schema));
    if (validate(body)) return this.pass(name);
    return (validate.errors ?? []).map((error) => `${name} ${status}: ${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  }

  /** The same check for a documented example. */
  exampleProblems(schema: unknown, example: unknown): string[] {
    const validate = this.validator(JSON.stringify(schema));
    return validate(example) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(example)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  }

  private pass(name: string): string[] {
    this.checked.add(name);
    return [];
  }

  private validator(schemaJson: string): ValidateFunction {
    let validate = this.validators.get(schemaJson);
    if (!validate) {
      // Refs inside the components point to #/components/schemas/…; resolve them against the document's components.
      const schema = JSON.parse(schemaJson.replaceAll('"#/components/', '"vigil-api#/components/')) as object;
      validate = this.ajv.compile(schema);
      this.validators.set(schemaJson, validate);
    }
    return validate;
  }
}
