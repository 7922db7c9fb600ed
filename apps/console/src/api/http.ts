/** An HTTP answer outside 2xx; `message` comes from the API and is safe to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, for uploads the API reads raw (an OPML file); takes the place of `body`. */
  rawBody?: { content: string; contentType: string };
  signal?: AbortSignal;
  /** For calls where 401 is an expected answer (login, session probe), not an expired session. */
  allowUnauthorized?: boolean;
}

let unauthorizedListener: (() => void) | null = null;

/** Registers the one handler that sends the user back to the login page on any 401. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListener = listener;
  return () => {
    if (unauthorizedListener === listener) unauthorizedListener = null;
  };
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, rawBody, signal, allowUnauthorized = false } = options;
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

  if (response.status === 401 && !allowUnauthorized) unauthorizedListener?.();
  if (!response.ok) throw new ApiError(response.status, await readErrorMessage(response));
  const text = await response.text();
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

async function readErrorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    // Nest's validation pipe may answer with a list of messages instead of one string.
    if (Array.isArray(body.message)) return body.message.join('; ');
    if (typeof body.message === 'string' && body.message) return body.message;
  } catch {
    // Not JSON (e.g. a proxy error page): fall back to the status line.
  }
  return response.statusText || `HTTP ${response.status}`;
}
