import type { PriorityFactor, Severity } from '@vigil/contracts';

/** The factors a flag's own priority is made of (past decisions are blended in only by a learned ranking). */
type OwnFactor = Exclude<PriorityFactor['name'], 'decisions'>;

/** What the triage order weighs, each factor in [0, 1]; the weights add up to 1, so a priority is in [0, 1] too. */
export const PRIORITY_WEIGHTS: Record<OwnFactor, number> = {
  severity: 0.45,
  velocity: 0.25,
  source_weight: 0.2,
  novelty: 0.1,
};

const SEVERITY_VALUE: Record<Severity, number> = { critical: 1, high: 0.7, medium: 0.4, low: 0.15 };
/** Sources carrying a story within the hour at which velocity counts as about two thirds of its most. */
const VELOCITY_SCALE = 3;
/** Hours after which a story counts as about a third as new as when first seen. */
const NOVELTY_HOURS = 6;

export interface PriorityInput {
  severity: Severity;
  /** The source's weight, 0–100 (reach and credibility). */
  sourceWeight: number;
  /** Distinct sources carrying the story in the last hour, at least 1 (the item's own). */
  velocity: number;
  /** How long ago the story (or the item, without one) was first seen. */
  ageMs: number;
}

/**
 * A flag's place in the queue: the rule's severity first, then how fast the story spreads, how much its source
 * weighs and how new it is. Each factor is returned with its weight so officers can see why a flag ranks where it does.
 */
export function flagPriority(input: PriorityInput): { priority: number; factors: PriorityFactor[] } {
  const values: Record<OwnFactor, number> = {
    severity: SEVERITY_VALUE[input.severity],
    velocity: 1 - Math.exp(-Math.max(0, input.velocity - 1) / VELOCITY_SCALE),
    source_weight: Math.min(100, Math.max(0, input.sourceWeight)) / 100,
    novelty: Math.exp(-Math.max(0, input.ageMs) / (NOVELTY_HOURS * 3_600_000)),
  };
  const factors = (Object.keys(PRIORITY_WEIGHTS) as OwnFactor[]).map((name) => ({
    name,
    value: round(values[name]),
    weight: PRIORITY_WEIGHTS[name],
    contribution: round(values[name] * PRIORITY_WEIGHTS[name]),
  }));
  return { priority: round(factors.reduce((sum, factor) => sum + factor.value * factor.weight, 0)), factors };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
