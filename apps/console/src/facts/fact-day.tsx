import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n/i18n';

/**
 * A fact's calendar day (YYYY-MM-DD), already a day of the office's calendar (Asia/Ho_Chi_Minh): formatted as that
 * day in UTC, so no browser time zone can move it to the day before.
 */
export function FactDay({ day }: { day: string }) {
  const { i18n } = useTranslation();
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return <>{day}</>;
  return <time dateTime={day}>{new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date)}</time>;
}
