import type { CreateGlossaryTermRequest } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

interface CandidatePairsProps {
  pairs: CreateGlossaryTermRequest[];
  /** Which pairs stay ticked (all of them until the officer unticks one). */
  isKept: (pair: CreateGlossaryTermRequest) => boolean;
  onToggle: (pair: CreateGlossaryTermRequest, kept: boolean) => void;
  disabled: boolean;
}

/** The term pairs a confirmed English ↔ Vietnamese match adds to the glossary, for the officer to check first. */
export function CandidatePairs({ pairs, isKept, onToggle, disabled }: CandidatePairsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="checkboxes candidate-pairs" data-testid="candidate-pairs">
      <legend className="small">{t('cases.similar.pairsLegend')}</legend>
      {pairs.map((pair) => (
        <label key={pairKey(pair)} className="checkbox">
          <input
            type="checkbox"
            checked={isKept(pair)}
            disabled={disabled}
            onChange={(event) => onToggle(pair, event.target.checked)}
            data-testid="candidate-pair"
            data-vi={pair.vi}
            data-en={pair.en}
          />
          <span>{t('cases.similar.pair', { vi: pair.vi, en: pair.en })}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function pairKey(pair: CreateGlossaryTermRequest): string {
  return `${pair.kind}|${pair.vi}|${pair.en}`;
}
