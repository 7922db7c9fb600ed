import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode, httpStatusOf } from '@vigil/contracts';
import { ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION } from '../modules/auth/access.decorators';
import { REFUSALS_EXTENSION } from './api-refusals';
import { reasonPhrase } from './api-exception.filter';

type Operation = OpenAPIObject['paths'][string]['get'] & { [REFUSALS_EXTENSION]?: ErrorCode[]; [ALLOWED_BEFORE_PASSWORD_CHANGE_EXTENSION]?: boolean };

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
 * works with either), and the error answers of each route with an example per code: sign-in and role refusals on
 * every protected route, validation on every route that takes input, and what a route declares with @Refuses.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vigil API')
      .setDescription('Monitoring and crisis-response workbench. Errors carry a stable `code` (see the ApiError schema).')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'accessToken from POST /api/auth/login' })
      .addCookieAuth('vigil_session', { type: 'apiKey', in: 'cookie', description: 'Set by POST /api/auth/login in a browser' })
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ApiError: API_ERROR_SCHEMA } };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method] as Operation | undefined;
      if (operation) describeRefusals(operation);
    }
  }
  return document;
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
