import type { FlagView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

/** Priorities and factors are in [0, 1]; officers read them as points out of 100. */
export function points(value: number): string {
  return String(Math.round(value * 100));
}

/** The flag's priority with an expandable "why": each factor's value, weight and the points it adds. */
export function PriorityWhy({ flag }: { flag: FlagView }) {
  const { t } = useTranslation();
  return (
    <details className="flag-why" data-testid="flag-why">
      <summary>
        <span className="flag-priority" data-testid="flag-priority" data-priority={flag.priority}>
          {t('live.priority', { value: points(flag.priority) })}
        </span>{' '}
        <span className="muted small">{t('live.why')}</span>
      </summary>
      <table className="flag-factors" aria-label={t('live.whyLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('live.factorHeader.factor')}</th>
            <th scope="col">{t('live.factorHeader.value')}</th>
            <th scope="col">{t('live.factorHeader.weight')}</th>
            <th scope="col">{t('live.factorHeader.contribution')}</th>
          </tr>
        </thead>
        <tbody>
          {flag.priorityFactors.map((factor) => (
            <tr key={factor.name} data-testid="flag-factor" data-factor={factor.name}>
              <th scope="row">{t(`live.factor.${factor.name}`)}</th>
              <td>{points(factor.value)}</td>
              <td>×{factor.weight.toFixed(2)}</td>
              <td>+{points(factor.contribution)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
