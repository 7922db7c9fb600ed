import type { CaseSummary } from '@vigil/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listCases, type CaseFilter } from '../api/cases-api';
import { request } from '../api/http';
import { openLiveSocket, type LiveConnectionState } from '../api/live-socket';
import { noteServerInstant } from '../api/server-clock';
import { compareEventIds } from '../live/live-flags';
import { applyBoardEvent, isBoardEvent, withCase, type BoardEvent } from './board-cases';

/** Without a `ready` by then (the socket cannot connect), the board loads anyway. */
const LIST_FALLBACK_MS = 4_000;

export interface CaseBoard {
  /** undefined until the first list has loaded. */
  cases?: CaseSummary[];
  /** How many cases match the filter, of which the board shows at most BOARD_LIMIT. */
  total: number;
  error?: unknown;
  connection: LiveConnectionState;
  /** Shows an action's answer at once (the event that follows changes nothing). */
  showCase: (summary: CaseSummary) => void;
  reload: () => void;
}

/**
 * The cases matching `filter`, kept current by the live feed: the socket connects first and the list is read after
 * its `ready`, so every change after the read arrives on the socket (buffered while the list loads); reconnections
 * resume after the last applied id. A new filter reads the list again on the same socket.
 */
export function useCaseBoard(filter: CaseFilter): CaseBoard {
  const [cases, setCases] = useState<CaseSummary[]>();
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>();
  const [connection, setConnection] = useState<LiveConnectionState>({ kind: 'connecting' });
  const filterRef = useRef(filter);
  const loadRef = useRef<() => void>(() => undefined);
  const readyRef = useRef(false);

  useEffect(() => {
    readyRef.current = false;
    let disposed = false;
    let lastApplied: string | undefined;
    // Events that arrive while the list loads; null once it is on screen.
    let pending: BoardEvent[] | null = [];
    let controller: AbortController | null = null;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const later = (ms: number, run: () => void) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, ms);
      timers.add(timer);
    };

    const load = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      pending ??= [];
      setError(undefined);
      const asked = filterRef.current;
      listCases(asked, current.signal).then(
        (page) => {
          if (current.signal.aborted) return;
          const buffered = pending ?? [];
          pending = null;
          setTotal(page.total);
          setCases(buffered.reduce((list, event) => applyBoardEvent(list, event, asked), page.cases));
        },
        (caught: unknown) => {
          if (!current.signal.aborted) setError(caught);
        },
      );
    };
    loadRef.current = load;

    later(LIST_FALLBACK_MS, () => {
      if (!readyRef.current) {
        readyRef.current = true;
        load();
      }
    });

    const close = openLiveSocket({
      onEvent: (event, replayed) => {
        if (disposed) return;
        if (lastApplied !== undefined && compareEventIds(event.id, lastApplied) <= 0) return;
        lastApplied = event.id;
        // Stamped as it was stored, a moment ago: countdowns follow the server's clock between API answers too.
        if (!replayed) noteServerInstant(event.at);
        if (!isBoardEvent(event)) return;
        if (pending) pending.push(event);
        else setCases((current) => (current ? applyBoardEvent(current, event, filterRef.current) : current));
      },
      onReady: (ready, resumed) => {
        if (disposed) return;
        if (lastApplied === undefined || compareEventIds(ready.lastEventId, lastApplied) > 0) lastApplied = ready.lastEventId;
        // Nothing was replayed: the list must be read now, after the server's cursor.
        if (!resumed) {
          readyRef.current = true;
          load();
        }
      },
      onState: (state) => {
        if (!disposed) setConnection(state);
      },
      onRefused: (_code, retry) => {
        if (disposed) return;
        // A 401 takes the console to the login page (its one 401 handler); any other refusal was passing.
        request('/api/auth/me').then(
          () => later(5_000, retry),
          () => later(10_000, retry),
        );
      },
    });

    return () => {
      disposed = true;
      controller?.abort();
      for (const timer of timers) clearTimeout(timer);
      close();
    };
  }, []);

  const { severity, assigneeId, teamId } = filter;
  useEffect(() => {
    filterRef.current = { severity, assigneeId, teamId };
    if (readyRef.current) loadRef.current();
  }, [severity, assigneeId, teamId]);

  const showCase = useCallback((summary: CaseSummary) => setCases((current) => (current ? withCase(current, summary, filterRef.current) : current)), []);
  const reload = useCallback(() => loadRef.current(), []);
  return { cases, total, error, connection, showCase, reload };
}
