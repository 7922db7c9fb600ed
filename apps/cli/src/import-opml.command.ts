import { readFile } from 'node:fs/promises';
import { parseOpml } from '@vigil/parsing';
import { type ErrorCode, isErrorCode, type OpmlImportResult, type OpmlSkippedEntry } from '@vigil/contracts';
import { SingleBar } from 'cli-progress';

export interface ImportOpmlOptions {
  file: string;
  apiUrl: string;
  token: string;
}

/** Adds every feed of an OPML file through the API (so roles and validation apply), with a progress bar on stderr. */
export async function importOpml(options: ImportOpmlOptions): Promise<OpmlImportResult> {
  const outlines = parseOpml(await readFile(options.file, 'utf8'));
  const result: OpmlImportResult = { created: 0, skipped: [] };
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

async function refusalOf(response: Response): Promise<Pick<OpmlSkippedEntry, 'code' | 'reason'>> {
  const body = (await response.json().catch(() => null)) as { code?: unknown; message?: string } | null;
  const fallback: ErrorCode = response.status >= 500 ? 'internal' : 'bad_request';
  return { code: isErrorCode(body?.code) ? body.code : fallback, reason: `HTTP ${response.status}${body?.message ? `: ${body.message}` : ''}` };
}
