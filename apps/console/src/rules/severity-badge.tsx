import type { Severity } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <span className={`badge severity severity-${severity}`} data-severity={severity} data-testid="rule-severity">
      {t(`rules.severity.${severity}`)}
    </span>
  );
}
