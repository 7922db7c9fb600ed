import { CASE_DEADLINE_STAGES, CASE_SEVERITIES, type SlaPolicyView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface SlaPolicyFormProps {
  policy: SlaPolicyView;
  saving: boolean;
  onSave: (policy: SlaPolicyView) => void;
}

/**
 * The policy as an admin edits it: minutes per severity and stage, which severities keep office hours, the office
 * day and holidays (one date a line), the warning share in percent and the reminder interval. The server checks it.
 */
export function SlaPolicyForm({ policy, saving, onSave }: SlaPolicyFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(policy);
  const [holidays, setHolidays] = useState(policy.calendar.holidays.join('\n'));

  const setMinutes = (severity: (typeof CASE_SEVERITIES)[number], stage: (typeof CASE_DEADLINE_STAGES)[number], value: number) =>
    setDraft((current) => ({ ...current, stageMinutes: { ...current.stageMinutes, [severity]: { ...current.stageMinutes[severity], [stage]: value } } }));
  const toggleOfficeHours = (severity: (typeof CASE_SEVERITIES)[number]) =>
    setDraft((current) => ({
      ...current,
      officeHoursSeverities: current.officeHoursSeverities.includes(severity) ? current.officeHoursSeverities.filter((other) => other !== severity) : [...current.officeHoursSeverities, severity],
    }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const dates = holidays.split(/\s+/).filter((line) => line !== '');
    onSave({ ...draft, calendar: { ...draft.calendar, holidays: dates } });
  }

  return (
    <form className="sla-policy-form" onSubmit={submit} data-testid="sla-policy-form">
      <table>
        <thead>
          <tr>
            <th>{t('slaPolicy.severity')}</th>
            {CASE_DEADLINE_STAGES.map((stage) => (
              <th key={stage}>{t(`cases.stage.${stage}`)}</th>
            ))}
            <th>{t('slaPolicy.officeHours')}</th>
          </tr>
        </thead>
        <tbody>
          {CASE_SEVERITIES.map((severity) => (
            <tr key={severity}>
              <th scope="row">{t(`rules.severity.${severity}`)}</th>
              {CASE_DEADLINE_STAGES.map((stage) => (
                <td key={stage}>
                  <input
                    type="number"
                    aria-label={t('slaPolicy.minutesLabel', { severity: t(`rules.severity.${severity}`), stage: t(`cases.stage.${stage}`) })}
                    value={draft.stageMinutes[severity][stage]}
                    onChange={(event) => setMinutes(severity, stage, event.target.valueAsNumber)}
                    data-testid={`sla-minutes-${severity}-${stage}`}
                  />
                </td>
              ))}
              <td>
                <input type="checkbox" aria-label={t('slaPolicy.officeHoursLabel', { severity: t(`rules.severity.${severity}`) })} checked={draft.officeHoursSeverities.includes(severity)} onChange={() => toggleOfficeHours(severity)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        {t('slaPolicy.warnShare')}
        <input type="number" step="1" value={Math.round(draft.warnShare * 100)} onChange={(event) => setDraft({ ...draft, warnShare: event.target.valueAsNumber / 100 })} data-testid="sla-warn-share" />
      </label>
      <label>
        {t('slaPolicy.reminderMinutes')}
        <input type="number" value={draft.reminderMinutes} onChange={(event) => setDraft({ ...draft, reminderMinutes: event.target.valueAsNumber })} data-testid="sla-reminder" />
      </label>
      <label>
        {t('slaPolicy.opensAt')}
        <input type="time" value={draft.calendar.opensAt} onChange={(event) => setDraft({ ...draft, calendar: { ...draft.calendar, opensAt: event.target.value } })} />
      </label>
      <label>
        {t('slaPolicy.closesAt')}
        <input type="time" value={draft.calendar.closesAt} onChange={(event) => setDraft({ ...draft, calendar: { ...draft.calendar, closesAt: event.target.value } })} />
      </label>
      <label>
        {t('slaPolicy.holidays')}
        <textarea rows={6} value={holidays} onChange={(event) => setHolidays(event.target.value)} data-testid="sla-holidays" />
      </label>
      <button type="submit" disabled={saving} data-testid="sla-policy-save">
        {t('slaPolicy.save')}
      </button>
    </form>
  );
}
