import { readFile } from 'node:fs/promises';
import { readOpml } from '@vigil/parsing';
import { type ErrorCode, isErrorCode, type OpmlImportResult, type OpmlSkippedEntry } from '@vigil/contracts';
import { SingleBar } from 'cli-progress';

export interface ImportOpmlOptions {
  file: string;
  apiUrl: string;
  token: string;
}

/** Adds every feed of an OPML file through the API (so roles and validation apply), with a progress bar on stderr. */
export async function importOpml(options: ImportOpmlOptions): Promise<OpmlImportResult> {
  const { outlines, withoutUrl } = readOpml(await readFile(options.file, 'utf8'));
  // As the web import answers: an outline naming no feed is listed, not dropped.
  const result: OpmlImportResult = {
    created: 0,
    skipped: withoutUrl.map((title) => ({ url: '', title, code: 'opml_outline_without_url', reason: 'an outline with neither an xmlUrl nor outlines inside' })),
  };
  // Also when stderr is not a terminal (CI, logs): one line per update, throttled.
  const bar = new SingleBar({ format: 'Importing {bar} {value}/{total} sources', stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 1000 });
  bar.start(outlines.length, 0);
  try {
    for (const outline of outlines) {
      const response = await fetch(new URL('/api/sources', options.apiUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        body: JSON.stringify({ name: outline.title.slice(0, 200), url: outline.xmlUrl, kind: outline.kind ?? 'rss', tags: outline.tags.slice(0, 20) }),
      });
      if (response.status === 201) result.created += 1;
      else result.skipped.push({ url: outline.xmlUrl, ...(await refusalOf(response)) });
      bar.increment();
    }
  } finally {
    bar.stop();
  }
  return result;
}

/** The API's refusal as a skipped entry; a known address says which source has it, as the web import does. */
async function refusalOf(response: Response): Promise<Pick<OpmlSkippedEntry, 'code' | 'reason' | 'existingId'>> {
  const body = (await response.json().catch(() => null)) as { code?: unknown; message?: string; details?: { existingId?: unknown } } | null;
  const fallback: ErrorCode = response.status >= 500 ? 'internal' : 'bad_request';
  const code = isErrorCode(body?.code) ? body.code : fallback;
  const existingId = body?.details?.existingId;
  if (code === 'source_exists' && typeof existingId === 'string') return { code, reason: 'already a source', existingId };
  return { code, reason: `HTTP ${response.status}${body?.message ? `: ${body.message}` : ''}` };
}
