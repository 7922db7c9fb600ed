import { CASE_DEADLINE_STAGES, CASE_SEVERITIES, type ErrorCode } from '@vigil/contracts';
import { SLA_POLICY_SCHEMA, type SlaPolicy } from './sla-policy';

/** Why an office's edited policy cannot be stored: the code the console words, the property at fault. */
export interface SlaPolicyProblem {
  code: ErrorCode;
  field: string;
  message: string;
}

export type SlaPolicyCheck = { ok: true; policy: SlaPolicy } | { ok: false; problem: SlaPolicyProblem };

/**
 * Checks a policy an admin submits: its shape and ranges (SLA_POLICY_SCHEMA), then that every severity's stages come
 * in workflow order, since a stage can only be met after the ones before it.
 */
export function checkSlaPolicy(value: unknown): SlaPolicyCheck {
  const parsed = SLA_POLICY_SCHEMA.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    return { ok: false, problem: { code: codeForPath(issue.path.map(String)), field, message: `${field || 'policy'}: ${issue.message}` } };
  }
  for (const severity of CASE_SEVERITIES) {
    const minutes = parsed.data.stageMinutes[severity];
    for (let i = 1; i < CASE_DEADLINE_STAGES.length; i++) {
      const earlier = CASE_DEADLINE_STAGES[i - 1]!;
      const later = CASE_DEADLINE_STAGES[i]!;
      if (minutes[later] < minutes[earlier]) {
        const message = `${severity}: ${later} (${minutes[later]} min) comes before ${earlier} (${minutes[earlier]} min)`;
        return { ok: false, problem: { code: 'sla_stage_order_invalid', field: `stageMinutes.${severity}.${later}`, message } };
      }
    }
  }
  return { ok: true, policy: parsed.data };
}

function codeForPath([first, second]: string[]): ErrorCode {
  if (first === 'stageMinutes') return 'sla_stage_minutes_invalid';
  if (first === 'warnShare') return 'sla_warn_share_invalid';
  if (first === 'reminderMinutes') return 'sla_reminder_invalid';
  if (first === 'calendar') return second === 'holidays' ? 'sla_holiday_invalid' : 'sla_calendar_invalid';
  return 'validation_failed';
}
