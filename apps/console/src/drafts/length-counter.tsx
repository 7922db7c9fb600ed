import { useTranslation } from 'react-i18next';

interface LengthCounterProps {
  length: number;
  /** The channel's (for a social post, the platform's) limit; null when it has none. */
  limit: number | null;
}

/** Characters written against the channel's limit, red once over it. */
export function LengthCounter({ length, limit }: LengthCounterProps) {
  const { t } = useTranslation();
  const over = limit !== null && length > limit;
  return (
    <span className={over ? 'length-counter length-over' : 'length-counter'} role="status" data-testid="draft-length" data-length={length} data-over={over}>
      {limit === null ? t('drafts.length.noLimit', { length }) : t('drafts.length.ofLimit', { length, limit })}
      {over && <span className="visually-hidden"> {t('drafts.length.over', { excess: length - limit })}</span>}
    </span>
  );
}
