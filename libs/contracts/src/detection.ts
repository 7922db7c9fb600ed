/** Watch rules, flags and their triage: the shapes of /api/rules and /api/flags. */

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface RuleView {
  id: string;
  name: string;
  /** In the rule language (README "Watch rules"). */
  query: string;
  severity: Severity;
  ownerTeam: string | null;
  description: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RulePreview {
  /** Items collected in the last `days` days that the query matches, newest first (at most 50). */
  matches: { itemId: string; title: string; url: string; sourceId: string; publishedAt: string | null; highlights: MatchHighlight[] }[];
  /** Matches per local day of collection (Asia/Ho_Chi_Minh), oldest first, zero days included. */
  perDay: { day: string; count: number }[];
  total: number;
  /** How many items were looked at; `truncated` when the window held more than the preview reads. */
  examined: number;
  truncated: boolean;
}

/** Character offsets into the published title or text of the words that made an item match. */
export interface MatchHighlight {
  field: 'title' | 'text';
  start: number;
  end: number;
}

export const FLAG_STATUSES = ['open', 'dismissed', 'escalated', 'attached'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** What a flag's priority is made of: each factor in [0, 1], its weight, and the product it adds. */
export interface PriorityFactor {
  /** `decisions`: how likely officers are to escalate such a flag, learned from their past decisions (sort=learned only). */
  name: 'severity' | 'source_weight' | 'velocity' | 'novelty' | 'decisions';
  value: number;
  weight: number;
  contribution: number;
}

export interface FlagView {
  id: string;
  status: FlagStatus;
  rule: { id: string; name: string; severity: Severity };
  /** The story the flag stands for (one flag per story and rule); null while its item has none. */
  storyId: string | null;
  item: { id: string; title: string; url: string; sourceId: string; publishedAt: string | null; snippet: string; highlights: MatchHighlight[] };
  itemCount: number;
  sourceCount: number;
  /** Distinct sources carrying the story in the last hour. */
  velocity: number;
  priority: number;
  priorityFactors: PriorityFactor[];
  claimedBy: { id: string; displayName: string } | null;
  claimedAt: string | null;
  decision: { by: { id: string; displayName: string }; at: string; reason: string | null; attachedTo: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface FlagPage {
  flags: FlagView[];
  total: number;
}

export const FLAG_ACTIONS = ['created', 'updated', 'claimed', 'released', 'dismissed', 'escalated', 'attached'] as const;
export type FlagAction = (typeof FLAG_ACTIONS)[number];

export interface FlagActionView {
  action: FlagAction;
  actor: { id: string; displayName: string } | null;
  at: string;
  reason: string | null;
}

/** `GET /api/flags/:id`: the flag with its triage history, oldest first. */
export interface FlagDetail extends FlagView {
  actions: FlagActionView[];
}

/** A burst of flagged items far above a rule's or a story's own baseline. */
export interface SpikeView {
  id: string;
  subject: { kind: 'rule' | 'story'; id: string; name: string };
  bucketStart: string;
  count: number;
  baseline: number;
  zScore: number;
  detectedAt: string;
}

/** GET /api/stories/:id: one story, its items first seen first, how it spread, and the flags raised on it. */
export interface StoryView {
  id: string;
  title: string;
  firstSeenAt: string;
  firstSource: { id: string; name: string };
  itemCount: number;
  sourceCount: number;
  /** Items first seen per hour over the last 48 hours, oldest first. */
  hourly: { hour: string; count: number }[];
  items: { id: string; title: string; url: string; sourceId: string; sourceName: string; publishedAt: string | null; fetchedAt: string }[];
  flags: { id: string; status: FlagStatus; rule: { id: string; name: string; severity: Severity } }[];
}
