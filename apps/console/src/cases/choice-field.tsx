import { CASE_SEVERITIES, type CasePerson, type TeamRef } from '@vigil/contracts';
import type { TFunction } from 'i18next';

export interface Choice {
  value: string;
  label: string;
}

interface ChoiceFieldProps {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  /** The first option, standing for none or all (the empty value); left out where a choice is required. */
  emptyLabel?: string;
  disabled?: boolean;
  /** Filters sit in a row ('inline-field'); forms stack their fields ('field'). */
  inline?: boolean;
  testId: string;
}

/** A labelled select of severities, teams or people: one markup for the board filters, the open-a-case dialog and the case form. */
export function ChoiceField({ label, value, choices, onChange, emptyLabel, disabled, inline, testId }: ChoiceFieldProps) {
  return (
    <label className={inline ? 'inline-field' : 'field'}>
      <span>{label}</span>
      <select value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function severityChoices(t: TFunction): Choice[] {
  return CASE_SEVERITIES.map((severity) => ({ value: severity, label: t(`rules.severity.${severity}`) }));
}

export function teamChoices(teams: readonly TeamRef[]): Choice[] {
  return teams.map((team) => ({ value: team.id, label: team.name }));
}

export function personChoices(people: readonly CasePerson[]): Choice[] {
  return people.map((person) => ({ value: person.id, label: person.displayName }));
}
