import type { FlagView } from '@vigil/contracts';
import type { FlagRow } from '@vigil/persistence';

/** A flag as the API, the live feed and webhooks show it. */
export function toFlagView(row: FlagRow): FlagView {
  return {
    id: row.id,
    status: row.status,
    rule: { id: row.ruleId, name: row.ruleName, severity: row.ruleSeverity },
    storyId: row.storyId,
    item: { ...row.item, publishedAt: row.item.publishedAt?.toISOString() ?? null, highlights: row.highlights },
    itemCount: row.itemCount,
    sourceCount: row.sourceCount,
    velocity: row.velocity,
    priority: row.priority,
    priorityFactors: row.priorityFactors,
    claimedBy: row.claimedBy,
    claimedAt: row.claimedAt?.toISOString() ?? null,
    decision:
      row.decidedBy && row.decidedAt ? { by: row.decidedBy, at: row.decidedAt.toISOString(), reason: row.decisionReason, attachedTo: row.attachedTo } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
