import type { AnyLiveEventEnvelope, DigestView, FlagView, SpikeView } from '@vigil/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listDigests } from '../api/digests-api';
import { type FlagSort, listOpenFlags } from '../api/flags-api';
import { request } from '../api/http';
import { openLiveSocket, type LiveConnectionState } from '../api/live-socket';
import { applyFlagEvent, compareEventIds, isFlagEvent, keepingListedRank, sortFlags, withFlag, type FlagEvent } from './live-flags';

/** How long a newly raised flag stays highlighted. */
const FRESH_MS = 6_000;
/** Without a `ready` by then (the socket cannot connect), the list loads anyway; it reloads once the socket is up. */
const LIST_FALLBACK_MS = 4_000;
const SPIKES_SHOWN = 3;
const DIGESTS_SHOWN = 3;

export interface LiveFeedListener {
  /** A flag raised while connected (not replayed), or a spike: the page decides whether to alert. */
  onFlagCreated?: (flag: FlagView) => void;
  onSpike?: (spike: SpikeView) => void;
}

export interface LiveFeed {
  /** Open flags in triage order; undefined until the first list has loaded. */
  flags?: FlagView[];
  error?: unknown;
  connection: LiveConnectionState;
  /** Flags raised in the last few seconds. */
  fresh: ReadonlySet<string>;
  spikes: SpikeView[];
  /** The latest digests of lower-tier flags, newest first. */
  digests: DigestView[];
  dismissSpike: (id: string) => void;
  /** Shows an action's answer at once (the event that follows changes nothing). */
  showFlag: (flag: FlagView) => void;
  reload: () => void;
}

/**
 * The open flags kept current by the live feed. The socket connects first and the list is read after its `ready`,
 * so every change after the list was read arrives on the socket (buffered until the list is there); reconnections
 * resume after the last applied id, and ids at or below it are dropped. Changing `sort` reads the list again on the
 * same socket.
 */
export function useLiveFeed(listener: LiveFeedListener, sort: FlagSort): LiveFeed {
  const [flags, setFlags] = useState<FlagView[]>();
  const [error, setError] = useState<unknown>();
  const [connection, setConnection] = useState<LiveConnectionState>({ kind: 'connecting' });
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [spikes, setSpikes] = useState<SpikeView[]>([]);
  const [digests, setDigests] = useState<DigestView[]>([]);
  const listenerRef = useRef(listener);
  const sortRef = useRef(sort);
  const loadList = useRef<() => void>(() => undefined);

  useEffect(() => {
    listenerRef.current = listener;
  });

  useEffect(() => {
    let disposed = false;
    let lastApplied: string | undefined;
    // Events that arrive while the list loads; null once it is on screen.
    let pending: FlagEvent[] | null = [];
    let listController: AbortController | null = null;
    const timers = new Set<ReturnType<typeof setTimeout>>();

    const later = (ms: number, run: () => void) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, ms);
      timers.add(timer);
    };

    const markFresh = (id: string) => {
      setFresh((current) => new Set(current).add(id));
      later(FRESH_MS, () =>
        setFresh((current) => {
          const next = new Set(current);
          next.delete(id);
          return next;
        }),
      );
    };

    // In the learned ranking a listed flag keeps the rank the re-ranked list gave it.
    const apply = (list: FlagView[], event: FlagEvent) => applyFlagEvent(list, sortRef.current === 'learned' ? keepingListedRank(list, event) : event);

    const load = () => {
      listController?.abort();
      const controller = new AbortController();
      listController = controller;
      pending ??= [];
      setError(undefined);
      listOpenFlags(sortRef.current, controller.signal).then(
        (page) => {
          if (controller.signal.aborted) return;
          const buffered = pending ?? [];
          pending = null;
          setFlags(buffered.reduce(apply, sortFlags(page.flags)));
        },
        (caught: unknown) => {
          if (!controller.signal.aborted) setError(caught);
        },
      );
    };
    loadList.current = load;

    const handle = (event: AnyLiveEventEnvelope, replayed: boolean) => {
      if (isFlagEvent(event)) {
        if (pending) pending.push(event);
        else setFlags((current) => (current ? apply(current, event) : current));
        if (event.type === 'flag.created') {
          markFresh(event.data.flag.id);
          if (!replayed) listenerRef.current.onFlagCreated?.(event.data.flag);
        }
        return;
      }
      switch (event.type) {
        case 'spike.detected':
          setSpikes((current) => [event.data, ...current.filter((spike) => spike.id !== event.data.id)].slice(0, SPIKES_SHOWN));
          if (!replayed) listenerRef.current.onSpike?.(event.data);
          return;
        case 'digest.ready':
          setDigests((current) => [event.data, ...current.filter((digest) => digest.id !== event.data.id)].slice(0, DIGESTS_SHOWN));
          return;
        case 'webhook.test':
          // An admin's test delivery: the webhooks screen shows its outcome.
          return;
        case 'item.changed':
        case 'item.removed':
          // Watched-item edits belong to the item pages, not to the triage queue.
          return;
        case 'case.created':
        case 'case.updated':
        case 'case.transitioned':
        case 'case.commented':
        case 'case.mentioned':
        case 'case.escalated':
        case 'deadline.warning':
        case 'deadline.breached':
          // Case events belong to the case board, not to the triage queue.
          return;
        default: {
          const exhaustive: never = event;
          return exhaustive;
        }
      }
    };

    listDigests(DIGESTS_SHOWN).then(
      (latest) => {
        // A digest.ready heard meanwhile is newer than what the read found, or the same.
        if (!disposed) setDigests((current) => [...current, ...latest.filter((digest) => !current.some((heard) => heard.id === digest.id))].slice(0, DIGESTS_SHOWN));
      },
      () => undefined, // The panel stays empty; the flags list shows any lasting failure.
    );

    let listLoaded = false;
    later(LIST_FALLBACK_MS, () => {
      if (!listLoaded) {
        listLoaded = true;
        load();
      }
    });

    const close = openLiveSocket({
      onEvent: (event, replayed) => {
        if (disposed) return;
        if (lastApplied !== undefined && compareEventIds(event.id, lastApplied) <= 0) return;
        lastApplied = event.id;
        handle(event, replayed);
      },
      onReady: (ready, resumed) => {
        if (disposed) return;
        if (lastApplied === undefined || compareEventIds(ready.lastEventId, lastApplied) > 0) lastApplied = ready.lastEventId;
        // This listener's first ready (nothing was replayed to it): the list must be read now, after the server's cursor.
        if (!resumed) {
          listLoaded = true;
          load();
        }
      },
      onState: (state) => {
        if (!disposed) setConnection(state);
      },
      onRefused: (_code, retry) => {
        if (disposed) return;
        // Ask the API who is signed in: a 401 takes the console to the login page (its one 401 handler); otherwise
        // the refusal was passing and the socket tries again.
        request('/api/auth/me').then(
          () => later(5_000, retry),
          () => later(10_000, retry),
        );
      },
    });

    return () => {
      disposed = true;
      listController?.abort();
      for (const timer of timers) clearTimeout(timer);
      close();
    };
  }, []);

  useEffect(() => {
    if (sortRef.current === sort) return;
    sortRef.current = sort;
    loadList.current();
  }, [sort]);

  const showFlag = useCallback((flag: FlagView) => setFlags((current) => (current ? withFlag(current, flag) : current)), []);
  const dismissSpike = useCallback((id: string) => setSpikes((current) => current.filter((spike) => spike.id !== id)), []);
  // After a failed list load: read it again on the same socket, whose events are buffered meanwhile.
  const reload = useCallback(() => loadList.current(), []);

  return { flags, error, connection, fresh, spikes, digests, dismissSpike, showFlag, reload };
}
