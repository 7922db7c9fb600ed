import type { SourceView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

export function HealthStatus({ health }: { health: SourceView['health'] }) {
  const { t } = useTranslation();
  return (
    <div className="health">
      <span className={`badge health-${health.status}`} data-testid="source-health">
        {t(`sources.status.${health.status}`)}
      </span>
      {health.consecutiveFailures > 0 && (
        <span className="muted"> {t('sources.consecutiveFailures', { count: health.consecutiveFailures })}</span>
      )}
      {health.lastError && (
        <p className="health-error" data-testid="source-last-error">
          {health.lastError}
        </p>
      )}
    </div>
  );
}
