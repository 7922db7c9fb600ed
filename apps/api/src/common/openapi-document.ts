import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_SCHEMAS, ERROR_CODES, type ErrorCode, httpStatusOf } from '@vigil/contracts';
import { ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION } from '../modules/auth/access.decorators';
import { ANSWER_EXTENSION, type Answer, TEXT_ANSWERS, type TextAnswer } from './api-answers';
import { REFUSALS_EXTENSION } from './api-refusals';
import { ANSWER_EXAMPLES, TEXT_EXAMPLES } from './answer-examples';
import { reasonPhrase } from './api-exception.filter';

type Operation = OpenAPIObject['paths'][string]['get'] & {
  [REFUSALS_EXTENSION]?: ErrorCode[];
  [ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION]?: boolean;
  [ANSWER_EXTENSION]?: Answer;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every error body, as ApiExceptionFilter writes it. */
const API_ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    code: { type: 'string', enum: [...ERROR_CODES], description: 'What clients act on and translate; the message is for developers' },
    message: { type: 'string', description: 'English, for developers' },
    field: { type: 'string', description: 'The request field at fault, when there is one' },
    details: { type: 'object', additionalProperties: true, description: 'Extra facts, e.g. retryAfterSec or the id of an existing source' },
  },
};

/** What a developer reads for each code in the examples; the console shows its own translation. */
const EXAMPLE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'name must be shorter than or equal to 200 characters',
  unauthenticated: 'Sign in to continue',
  forbidden: 'Requires one of the roles: admin',
  password_change_required: 'Change the password (POST /api/auth/password) before anything else',
};

/**
 * The OpenAPI document of /api/docs: bearer and cookie sign-in (routes that need a role list both, so "Authorize"
 * works with either), the success body of each route (@Answers: the schema generated from its contracts type, with an
 * example), and its error answers with an example per code: sign-in and role refusals on every protected route,
 * validation on every route that takes input, and what a route declares with @Refuses. OpenAPI 3.1, whose schemas
 * are JSON Schema, as generated.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Vigil API')
      .setDescription('Monitoring and crisis-response workbench. Errors carry a stable `code` (see the ApiError schema).')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'accessToken from POST /api/auth/login' })
      .addCookieAuth('vigil_session', { type: 'apiKey', in: 'cookie', description: 'Set by POST /api/auth/login in a browser' })
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...API_SCHEMAS, ApiError: API_ERROR_SCHEMA } };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method] as Operation | undefined;
      if (!operation) continue;
      describeAnswer(operation);
      describeRefusals(operation);
    }
  }
  return document;
}

/** Puts the @Answers body on the success status Nest answers the route with (200, 201, 202 by its @HttpCode). */
function describeAnswer(operation: Operation): void {
  const answer = operation[ANSWER_EXTENSION];
  delete operation[ANSWER_EXTENSION];
  if (!answer) return;
  const status = Object.keys(operation.responses).find((code) => code.startsWith('2')) ?? '200';
  const response = { description: reasonPhrase(Number(status)) };
  if ((TEXT_ANSWERS as readonly string[]).includes(answer)) {
    operation.responses[status] = { ...response, content: { [answer]: { schema: { type: 'string' }, example: TEXT_EXAMPLES[answer as TextAnswer] } } };
    return;
  }
  const name = answer.replace(/\[\]$/, '') as keyof typeof ANSWER_EXAMPLES;
  const isList = answer.endsWith('[]');
  const example = ANSWER_EXAMPLES[name];
  const reference = { $ref: `#/components/schemas/${name}` };
  operation.responses[status] = {
    ...response,
    content: { 'application/json': { schema: isList ? { type: 'array', items: reference } : reference, ...(example === undefined ? {} : { example: isList ? [example] : example }) } },
  };
}

function describeRefusals(operation: Operation): void {
  const codes = new Set<ErrorCode>(operation[REFUSALS_EXTENSION] ?? []);
  const allowedBeforePasswordChange = operation[ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION] === true;
  delete operation[REFUSALS_EXTENSION];
  delete operation[ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION];
  if (operation.requestBody || operation.parameters?.length) codes.add('validation_failed');
  // Any route that reads the database answers 503 while it is unreachable (with Retry-After), never 500.
  codes.add('dependency_unavailable');
  if (operation.security?.length) {
    codes.add('unauthenticated');
    codes.add('forbidden');
    // A one-time or temporary password opens only the routes needed to replace it.
    if (!allowedBeforePasswordChange) codes.add('password_change_required');
  }
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(httpStatusOf(code), [...(byStatus.get(httpStatusOf(code)) ?? []), code]);
  for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
    operation.responses[String(status)] = {
      description: `${reasonPhrase(status)}: ${statusCodes.map((code) => `\`${code}\``).join(', ')}`,
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/ApiError' },
          examples: Object.fromEntries(
            statusCodes.map((code) => [code, { value: { statusCode: status, error: reasonPhrase(status), code, message: EXAMPLE_MESSAGES[code] ?? code.replaceAll('_', ' ') } }]),
          ),
        },
      },
    };
  }
}
