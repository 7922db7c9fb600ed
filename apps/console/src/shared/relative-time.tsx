import { useTranslation } from 'react-i18next';
import { serverNow } from '../api/server-clock';
import { dateLocale } from '../i18n/i18n';

interface RelativeTimeProps {
  value: string | null;
  fallback: string;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "12 phút trước" (on the server's clock), with the absolute Vietnam time (and its zone) on hover. */
export function RelativeTime({ value, fallback }: RelativeTimeProps) {
  const { t, i18n } = useTranslation();
  const date = value ? new Date(value) : null;
  if (!value || !date || Number.isNaN(date.getTime())) return <>{fallback}</>;
  const locale = dateLocale(i18n.language);
  const absolute = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(date);
  // Against the server's clock: the browser's own may be off.
  const elapsed = date.getTime() - serverNow();
  const [unit, size] = UNITS.find(([, unitMs]) => Math.abs(elapsed) >= unitMs) ?? ['minute', 60_000];
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(elapsed / size), unit);
  return (
    <time dateTime={value} title={t('time.absolute', { time: absolute })} data-testid="relative-time">
      {relative}
    </time>
  );
}
