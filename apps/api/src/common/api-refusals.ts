import { ApiExtension } from '@nestjs/swagger';
import type { ErrorCode } from '@vigil/contracts';

/** The OpenAPI extension Refuses writes and the document builder turns into error responses (then removes). */
export const REFUSALS_EXTENSION = 'x-vigil-refusals';

/**
 * Documents the codes a route may refuse with beyond the ones every route of its kind has (validation, sign-in,
 * roles): each becomes an example under its HTTP status in /api/docs, the status taken from the one mapping in
 * contracts, so the documentation cannot drift from what the API sends.
 */
export const Refuses = (...codes: ErrorCode[]) => ApiExtension(REFUSALS_EXTENSION, codes);
