import type { Severity } from './detection';

/** The tiers a digest sums up: everything below critical, which is pushed at once instead. */
export const DIGEST_SEVERITIES = ['high', 'medium', 'low'] as const satisfies readonly Severity[];
export type DigestSeverity = (typeof DIGEST_SEVERITIES)[number];

/** One of the flags a digest lists (its most urgent, by priority). */
export interface DigestFlag {
  id: string;
  ruleName: string;
  severity: DigestSeverity;
  title: string;
  url: string;
  priority: number;
  itemCount: number;
}

/**
 * The periodic digest of lower-tier flags (issue 9, "tiered delivery against alert fatigue"): the flags raised in
 * [periodStart, periodEnd) below critical, counted by severity, with the most urgent listed. Sent once per period,
 * on the live feed as `digest.ready` and to webhooks that take digests; a period with no such flag sends nothing.
 */
export interface DigestView {
  id: string;
  periodStart: string;
  periodEnd: string;
  flagCount: number;
  bySeverity: Record<DigestSeverity, number>;
  flags: DigestFlag[];
  createdAt: string;
}
