import type { SourceHealth } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n/i18n';

/**
 * The source's last failure in the interface language, from its code and params; the API's English `lastError`
 * is never shown. Null while the source is not failing.
 */
export function useSourceFailureText(health: SourceHealth): string | null {
  const { t, i18n } = useTranslation();
  if (health.lastErrorCode === null) return health.lastError === null ? null : t('sources.failure.fetch_failed');
  const params = health.lastErrorParams ?? {};
  const retryAfter = params.retryAfterSec === undefined ? undefined : formatWait(params.retryAfterSec, dateLocale(i18n.language));
  return t(`sources.failure.${health.lastErrorCode}`, { ...params, retryAfter });
}

/** 45 → "45 giây", 300 → "5 phút", 7200 → "2 giờ": the unit a reader would use. */
function formatWait(seconds: number, locale: string): string {
  const [value, unit] = seconds < 120 ? [seconds, 'second'] : seconds < 2 * 3600 ? [Math.round(seconds / 60), 'minute'] : [Math.round(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
