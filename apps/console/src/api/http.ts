import { type ErrorCode, type ErrorDetails, isErrorCode } from '@vigil/contracts';
import { noteServerTime } from './server-clock';

/**
 * An HTTP answer outside 2xx. `code` is what the console translates; `message` is the API's English developer
 * text, for the console's log only, never shown.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, for uploads the API reads raw (an OPML file); takes the place of `body`. */
  rawBody?: { content: string; contentType: string };
  signal?: AbortSignal;
  /** For calls where 401 is an expected answer (login, session probe), not an expired session. */
  allowUnauthorized?: boolean;
  /** 'text' answers the body as it came (an export in its own format) instead of parsing JSON. */
  responseType?: 'json' | 'text';
}

let unauthorizedListener: ((code: ErrorCode) => void) | null = null;

/**
 * Registers the one handler that sends the user back to the login page on any 401 (with its code, so the login page
 * can say the session timed out). A timed-out session is reported from calls that allow a 401 too.
 */
export function onUnauthorized(listener: (code: ErrorCode) => void): () => void {
  unauthorizedListener = listener;
  return () => {
    if (unauthorizedListener === listener) unauthorizedListener = null;
  };
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, rawBody, signal, allowUnauthorized = false, responseType = 'json' } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: string | undefined;
  if (rawBody) {
    headers['Content-Type'] = rawBody.contentType;
    payload = rawBody.content;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, signal, headers, credentials: 'same-origin', body: payload });
  noteServerTime(response);

  if (!response.ok) {
    const error = await readError(response);
    if (error.status === 401 && (!allowUnauthorized || error.code === 'session_expired')) unauthorizedListener?.(error.code);
    throw error;
  }
  const text = await response.text();
  if (responseType === 'text') return text as T;
  return (text ? JSON.parse(text) : undefined) as T;
}

export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readError(response: Response): Promise<ApiError> {
  // Not from the API (e.g. a proxy's error page): a code by status class, so the user still reads a translation.
  const fallbackCode: ErrorCode = response.status >= 500 ? 'internal' : 'bad_request';
  const statusLine = response.statusText || `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown; field?: unknown; details?: unknown };
    const code = isErrorCode(body.code) ? body.code : fallbackCode;
    const message = typeof body.message === 'string' && body.message ? body.message : statusLine;
    const field = typeof body.field === 'string' ? body.field : undefined;
    const details = typeof body.details === 'object' && body.details !== null ? (body.details as ErrorDetails) : undefined;
    return new ApiError(response.status, code, message, field, details);
  } catch {
    return new ApiError(response.status, fallbackCode, statusLine);
  }
}
