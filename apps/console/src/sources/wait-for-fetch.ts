import type { SourceView } from '@vigil/contracts';
import { getSource } from '../api/sources-api';

const POLL_EVERY_MS = 1_000;
/** Long enough for a fetch behind a busy site, short enough that a stuck queue does not keep the button busy. */
const GIVE_UP_AFTER_MS = 60_000;

/**
 * The source once a fetch asked for ended: the API answers "queued" at once, and the fetch is over when the source's
 * `lastFetchedAt` moves past `previous` (successful or not). Null when it had not ended in time; rejects on abort.
 */
export async function waitForFetch(id: string, previous: string | null, signal: AbortSignal): Promise<SourceView | null> {
  const deadline = Date.now() + GIVE_UP_AFTER_MS;
  while (Date.now() < deadline) {
    await sleep(POLL_EVERY_MS, signal);
    const source = await getSource(id, signal);
    if (source.lastFetchedAt !== null && source.lastFetchedAt !== previous) return source;
  }
  return null;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
