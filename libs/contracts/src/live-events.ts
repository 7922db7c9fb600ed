import type { ItemEventParams, ItemEventReason } from './api';
import type { CaseCommentedLiveData, CaseEscalatedLiveData, CaseLiveData, CaseMentionedLiveData, CaseTransitionedLiveData, CaseUpdatedLiveData, DeadlineLiveData } from './cases';
import type { FlagView, SpikeView } from './detection';
import type { DigestView } from './digests';
import type { Role } from './roles';

/**
 * The live feed: every event is stored (with a monotonic id) before any client hears of it, so a client that
 * missed some asks for the ones after the last id it saw — over the `/live` socket.io namespace
 * (`auth: { token, lastEventId }`) or `GET /api/events?after=`.
 */
export const LIVE_NAMESPACE = '/live';
/** The socket.io event name every envelope is emitted under, whatever its type. */
export const LIVE_SOCKET_EVENT = 'event';
/**
 * Sent once per connection, after the replay (if any) and before the first live event: `lastEventId` is the id
 * the connection is caught up to.
 */
export const LIVE_READY_EVENT = 'ready';
export interface LiveReady {
  lastEventId: string;
}
/** The handshake's `auth`: the bearer token (a browser may rely on its session cookie instead) and the replay cursor. */
export interface LiveHandshakeAuth {
  token?: string;
  lastEventId?: string | number;
}

/** An edit to, or takedown of, a watched item (the item's evidence trail keeps the same event). */
export interface ItemLiveData {
  itemId: string;
  sourceId: string;
  /** The title as collected, so a feed line can be shown without a second request. */
  title: string;
  /** The id of the item event in the item's evidence trail (`GET /api/items/:id`). */
  itemEventId: string;
  reason: ItemEventReason;
  params: ItemEventParams;
  /** Set when the edit was archived as a new snapshot. */
  snapshotId: string | null;
}

/** A flag raised, grown or triaged: the flag as it now stands, so a live list updates without a second request. */
export interface FlagLiveData {
  flag: FlagView;
  /** Who claimed, released or decided it; null when the pipeline raised or grew it. */
  byUserId: string | null;
}

/** An admin's test delivery to one webhook (admins only on the feed; only that webhook receives it). */
export interface WebhookTestLiveData {
  webhookId: string;
  byUserId: string;
}

/** A burst far above a rule's or a story's own baseline. */
export type SpikeLiveData = SpikeView;

/** Each event type with its payload: `publish(type, data)` only compiles with the payload its type carries. */
export interface LiveEventDataMap {
  'flag.created': FlagLiveData;
  'flag.updated': FlagLiveData;
  'flag.claimed': FlagLiveData;
  'flag.released': FlagLiveData;
  'flag.dismissed': FlagLiveData;
  'flag.escalated': FlagLiveData;
  'flag.attached': FlagLiveData;
  'spike.detected': SpikeLiveData;
  /** The periodic digest of lower-tier flags (see DigestView). */
  'digest.ready': DigestView;
  'webhook.test': WebhookTestLiveData;
  'item.changed': ItemLiveData;
  'item.removed': ItemLiveData;
  'case.created': CaseLiveData;
  'case.updated': CaseUpdatedLiveData;
  'case.transitioned': CaseTransitionedLiveData;
  'case.commented': CaseCommentedLiveData;
  'case.mentioned': CaseMentionedLiveData;
  'case.escalated': CaseEscalatedLiveData;
  'deadline.warning': DeadlineLiveData;
  'deadline.breached': DeadlineLiveData;
}
export type LiveEventType = keyof LiveEventDataMap;

export const LIVE_EVENT_TYPES = [
  'flag.created',
  'flag.updated',
  'flag.claimed',
  'flag.released',
  'flag.dismissed',
  'flag.escalated',
  'flag.attached',
  'spike.detected',
  'digest.ready',
  'webhook.test',
  'item.changed',
  'item.removed',
  'case.created',
  'case.updated',
  'case.transitioned',
  'case.commented',
  'case.mentioned',
  'case.escalated',
  'deadline.warning',
  'deadline.breached',
] as const satisfies readonly LiveEventType[];

/**
 * What clients receive. `id` is a decimal string (a PostgreSQL bigint, beyond what a JSON number holds exactly):
 * ids only grow, so compare them as integers (`BigInt(id)`) and send the last one back as `lastEventId`.
 * `at` is an ISO 8601 instant in UTC.
 */
export interface LiveEventEnvelope<T extends LiveEventType = LiveEventType> {
  id: string;
  type: T;
  at: string;
  data: LiveEventDataMap[T];
}

/** Any envelope, discriminated by `type`: `switch (event.type)` narrows `data`. */
export type AnyLiveEventEnvelope = { [T in LiveEventType]: LiveEventEnvelope<T> }[LiveEventType];

/**
 * Who hears an event: nobody named means every signed-in user; otherwise anyone holding one of `roles`, in `team`
 * (teams come later; the rooms are named for them already) or named in `userIds`.
 */
export interface LiveAudience {
  roles?: readonly Role[];
  team?: string;
  userIds?: readonly string[];
}

/** `GET /api/events`: the stored events after `after`, oldest first; `nextAfter` is the cursor for the next page. */
export interface LiveEventPage {
  events: AnyLiveEventEnvelope[];
  /** The id to ask after next (the last event's id, or `after` itself when there was none). */
  nextAfter: string;
  /** More events follow this page. */
  hasMore: boolean;
}

/** socket.io room names: one per role, one per team, one per user, one for every signed-in socket. */
export const liveRooms = {
  everyone: 'everyone',
  role: (role: Role) => `role:${role}`,
  team: (team: string) => `team:${team}`,
  user: (userId: string) => `user:${userId}`,
} as const;
