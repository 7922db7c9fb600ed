import { ApiExtension } from '@nestjs/swagger';
import type { ApiSchemaName } from '@vigil/contracts';

/** The OpenAPI extension Answers writes and the document builder turns into the success response (then removes). */
export const ANSWER_EXTENSION = 'x-vigil-answer';

/** Bodies that are not JSON: the archived page and case report, the OPML export, the cases CSV, a draft's export. */
export const TEXT_ANSWERS = ['text/html', 'text/x-opml', 'text/csv', 'text/plain'] as const;
export type TextAnswer = (typeof TEXT_ANSWERS)[number];

export type Answer = ApiSchemaName | `${ApiSchemaName}[]` | TextAnswer;

/**
 * Documents a route's success body by the contracts type it answers with (`'SourceView'`, a list: `'SourceView[]'`):
 * the schema is the one generated from that type (libs/contracts/src/api-schemas.generated.ts) and the example the
 * one in answer-examples.ts, under the status the route answers with. A 204 route needs none.
 */
export const Answers = (answer: Answer) => ApiExtension(ANSWER_EXTENSION, answer);
