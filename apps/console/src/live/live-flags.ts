import type { AnyLiveEventEnvelope, FlagView, LiveEventEnvelope, LiveEventType } from '@vigil/contracts';

/** Event ids are PostgreSQL bigints as decimal strings: compared as integers, never as text or JSON numbers. */
export function compareEventIds(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** The API's triage order (`sort=priority`): priority, then the most recently changed, then id. */
export function compareFlags(a: FlagView, b: FlagView): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortFlags(flags: readonly FlagView[]): FlagView[] {
  return [...flags].sort(compareFlags);
}

/**
 * The open list with `flag` as it now stands: updated in place (re-sorted) while open, removed once decided. A copy
 * older than the one shown is ignored, so an event that was buffered while the list loaded cannot undo the list.
 */
export function withFlag(flags: readonly FlagView[], flag: FlagView): FlagView[] {
  const current = flags.find((candidate) => candidate.id === flag.id);
  if (current && current.updatedAt > flag.updatedAt) return [...flags];
  const others = flags.filter((candidate) => candidate.id !== flag.id);
  return flag.status === 'open' ? sortFlags([...others, flag]) : others;
}

type FlagEventType = Extract<LiveEventType, `flag.${string}`>;
/** Any flag envelope, discriminated by `type`. */
export type FlagEvent = { [T in FlagEventType]: LiveEventEnvelope<T> }[FlagEventType];

export function isFlagEvent(event: AnyLiveEventEnvelope): event is FlagEvent {
  return event.type.startsWith('flag.');
}

/** Applies one flag event to the open list. Idempotent: applying it twice leaves the same list. */
export function applyFlagEvent(flags: readonly FlagView[], event: FlagEvent): FlagView[] {
  switch (event.type) {
    case 'flag.created':
    case 'flag.updated':
    case 'flag.claimed':
    case 'flag.released':
      return withFlag(flags, event.data.flag);
    case 'flag.dismissed':
    case 'flag.escalated':
    case 'flag.attached':
      // Decided: off the open list whatever copy it carries.
      return flags.filter((candidate) => candidate.id !== event.data.flag.id);
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

/**
 * In the learned ranking the list's priorities come from the re-ranked queue, which events do not carry: a flag
 * already listed keeps its learned priority when an event brings a newer copy; a new flag enters by its own.
 */
export function keepingListedRank(flags: readonly FlagView[], event: FlagEvent): FlagEvent {
  const listed = flags.find((candidate) => candidate.id === event.data.flag.id);
  if (!listed) return event;
  return { ...event, data: { ...event.data, flag: { ...event.data.flag, priority: listed.priority, priorityFactors: listed.priorityFactors } } } as FlagEvent;
}
