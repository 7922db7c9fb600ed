import type { RuleView, Severity } from '@vigil/contracts';
import type { CreateRuleRequest, UpdateRuleRequest } from '../api/rules-api';

/** What the editor holds while the user types: every field as a string or flag, saved only on submit. */
export interface RuleDraft {
  name: string;
  query: string;
  severity: Severity;
  ownerTeam: string;
  description: string;
  enabled: boolean;
}

/** The API's limit on a rule's name, so a suggested name never makes the save fail. */
const NAME_MAX_LENGTH = 200;

export function emptyDraft(changes: Partial<RuleDraft> = {}): RuleDraft {
  return { name: '', query: '', severity: 'medium', ownerTeam: '', description: '', enabled: true, ...changes };
}

export function draftFromRule(rule: RuleView): RuleDraft {
  return {
    name: rule.name,
    query: rule.query,
    severity: rule.severity,
    ownerTeam: rule.ownerTeam ?? '',
    description: rule.description ?? '',
    enabled: rule.enabled,
  };
}

export function suggestedName(text: string): string {
  return text.length > NAME_MAX_LENGTH ? `${text.slice(0, NAME_MAX_LENGTH - 1)}…` : text;
}

/** The query is sent as typed: its spaces and line breaks are where syntax error positions point. */
export function toCreateRequest(draft: RuleDraft): CreateRuleRequest {
  return {
    name: draft.name.trim(),
    query: draft.query,
    severity: draft.severity,
    ownerTeam: draft.ownerTeam.trim() || null,
    description: draft.description.trim() || null,
    enabled: draft.enabled,
  };
}

/** Only what changed, so a save never overwrites a field someone else edited meanwhile. */
export function toUpdateRequest(draft: RuleDraft, rule: RuleView): UpdateRuleRequest {
  const next = toCreateRequest(draft);
  const changes: UpdateRuleRequest = {};
  if (next.name !== rule.name) changes.name = next.name;
  if (next.query !== rule.query) changes.query = next.query;
  if (next.severity !== rule.severity) changes.severity = next.severity;
  if (next.ownerTeam !== rule.ownerTeam) changes.ownerTeam = next.ownerTeam;
  if (next.description !== rule.description) changes.description = next.description;
  if (next.enabled !== rule.enabled) changes.enabled = next.enabled;
  return changes;
}
