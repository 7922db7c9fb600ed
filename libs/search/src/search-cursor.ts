import { type ItemSort, VigilError } from '@vigil/contracts';
import type { SearchAfterKey } from './search-engine';

/**
 * What an `ItemPage.nextCursor` carries: who wrote the key (an engine, or the newest-first list without a query),
 * the sort it belongs to, how many items came before, and the key itself (null: a short list paged by offset).
 * Base64url JSON: opaque to clients, checked on the way back in.
 */
export interface SearchCursor {
  scope: 'postgres' | 'elasticsearch' | 'list';
  sort: ItemSort;
  served: number;
  key: SearchAfterKey | null;
}

const MAX_SERVED = 10_000_000;
const MAX_KEY_PARTS = 4;

export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.scope, cursor.sort, cursor.served, cursor.key]), 'utf8').toString('base64url');
}

/** The cursor a client sent back, for this scope and sort; anything else is refused (search_cursor_invalid), never a 500. */
export function decodeSearchCursor(text: string, scope: SearchCursor['scope'], sort: ItemSort): SearchCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidSearchCursor('it is not a cursor this API wrote');
  }
  if (!Array.isArray(value) || value.length !== 4) throw invalidSearchCursor('it is not a cursor this API wrote');
  const [writtenBy, writtenFor, served, key] = value as unknown[];
  if (writtenBy !== scope) throw invalidSearchCursor(`it belongs to another search (${String(writtenBy)}), not ${scope}`);
  if (writtenFor !== sort) throw invalidSearchCursor(`it continues the ${String(writtenFor)} order, not ${sort}`);
  if (typeof served !== 'number' || !Number.isInteger(served) || served < 0 || served > MAX_SERVED) throw invalidSearchCursor('its position is out of range');
  if (key !== null && !(Array.isArray(key) && key.length <= MAX_KEY_PARTS && key.every((part) => part === null || typeof part === 'string' || typeof part === 'number'))) {
    throw invalidSearchCursor('its sort key is malformed');
  }
  return { scope, sort, served, key: key as SearchAfterKey | null };
}

export function invalidSearchCursor(reason: string): VigilError {
  return new VigilError('search_cursor_invalid', `The cursor cannot continue this search: ${reason}. Start again from the first page.`, { field: 'cursor' });
}
