import { SERVER_TIME_HEADER } from '@vigil/contracts';

/** How far the server's clock is ahead of the browser's, from the last API answer (0 until the first). */
let offsetMs = 0;

/** Reads the server's clock off an API answer (every answer carries it). */
export function noteServerTime(response: Response): void {
  noteServerInstant(response.headers.get(SERVER_TIME_HEADER) ?? '');
}

/** An instant the server just stamped (an answer's header, or a live event as it arrives, not one replayed). */
export function noteServerInstant(iso: string): void {
  const stamped = Date.parse(iso);
  if (!Number.isNaN(stamped)) offsetMs = stamped - Date.now();
}

/** Now on the server's clock, in milliseconds: deadlines are due on that clock, whatever the browser's says. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}
