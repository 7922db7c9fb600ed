import type { SourceView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../shared/date-time';
import { useSourceFailureText } from './source-failure-text';

export function HealthStatus({ source }: { source: SourceView }) {
  const { t } = useTranslation();
  const { health } = source;
  const failure = useSourceFailureText(health);
  return (
    <div className="health">
      <span className={`badge health-${health.status}`} data-testid="source-health">
        {t(`sources.status.${health.status}`)}
      </span>
      {/* Pausing takes effect at once, while health may still describe the last fetch. */}
      {source.paused && health.status !== 'paused' && (
        <span className="badge health-paused" data-testid="source-paused">
          {t('sources.status.paused')}
        </span>
      )}
      {health.consecutiveFailures > 0 && (
        <span className="muted"> {t('sources.consecutiveFailures', { count: health.consecutiveFailures })}</span>
      )}
      <p className="health-detail muted">
        {t('sources.lastSuccess')} <DateTime value={health.lastSuccessAt} fallback={t('sources.never')} />
      </p>
      {failure && (
        <p className="health-error" data-testid="source-last-error" data-code={health.lastErrorCode ?? undefined}>
          <span className="visually-hidden">{t('sources.lastError')} </span>
          {failure}
        </p>
      )}
    </div>
  );
}
