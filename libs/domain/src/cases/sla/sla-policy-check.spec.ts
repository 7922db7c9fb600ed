import { checkSlaPolicy } from './sla-policy-check';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from './sla-policy';

const edited = (change: (policy: SlaPolicy) => void): SlaPolicy => {
  const policy = structuredClone(DEFAULT_SLA_POLICY);
  change(policy);
  return policy;
};

describe('checkSlaPolicy', () => {
  it('accepts the defaults and equal stage times', () => {
    expect(checkSlaPolicy(DEFAULT_SLA_POLICY)).toEqual({ ok: true, policy: DEFAULT_SLA_POLICY });
    expect(checkSlaPolicy(edited((policy) => void (policy.stageMinutes.high = { acknowledge: 60, draft: 60, approve: 60, publish: 60 }))).ok).toBe(true);
  });

  it.each([
    [edited((policy) => void (policy.stageMinutes.medium.publish = 100)), 'sla_stage_order_invalid', 'stageMinutes.medium.publish'],
    [edited((policy) => void (policy.stageMinutes.critical.acknowledge = -1)), 'sla_stage_minutes_invalid', 'stageMinutes.critical.acknowledge'],
    [edited((policy) => void (policy.warnShare = 1.5)), 'sla_warn_share_invalid', 'warnShare'],
    [edited((policy) => void (policy.reminderMinutes = 0)), 'sla_reminder_invalid', 'reminderMinutes'],
    [edited((policy) => void (policy.calendar = { ...policy.calendar, holidays: ['Tết'] })), 'sla_holiday_invalid', 'calendar.holidays.0'],
    [edited((policy) => void (policy.calendar = { ...policy.calendar, timeZone: 'Sao Hỏa/Thủ đô' })), 'sla_calendar_invalid', 'calendar.timeZone'],
    [{ ...DEFAULT_SLA_POLICY, officeHoursSeverities: ['urgent'] }, 'validation_failed', 'officeHoursSeverities.0'],
  ])('refuses a policy that breaks a rule with its code and field (%#)', (policy, code, field) => {
    const checked = checkSlaPolicy(policy);
    expect(checked).toMatchObject({ ok: false, problem: { code, field } });
  });
});
