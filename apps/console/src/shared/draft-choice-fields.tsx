import { DRAFT_CHANNELS, DRAFT_LANGUAGES, type DraftChannel, type DraftLanguage } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

interface DraftChoiceFieldProps<Choice extends string> {
  /** The field's label, in the words of the form it is on. */
  label: string;
  value: Choice;
  onChange: (value: Choice) => void;
  testId: string;
}

/** A draft channel picked from those "New draft" offers, in its order. */
export function DraftChannelField(props: DraftChoiceFieldProps<DraftChannel>) {
  const { t } = useTranslation();
  return <ChoiceField {...props} choices={DRAFT_CHANNELS} choiceLabel={(channel) => t(`drafts.channel.${channel}`)} />;
}

/** A language drafts, facts and templates are written in. */
export function DraftLanguageField(props: DraftChoiceFieldProps<DraftLanguage>) {
  const { t } = useTranslation();
  return <ChoiceField {...props} choices={DRAFT_LANGUAGES} choiceLabel={(language) => t(`languageNames.${language}`)} />;
}

function ChoiceField<Choice extends string>({
  label,
  value,
  onChange,
  testId,
  choices,
  choiceLabel,
}: DraftChoiceFieldProps<Choice> & { choices: readonly Choice[]; choiceLabel: (choice: Choice) => string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as Choice)} data-testid={testId}>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choiceLabel(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}
