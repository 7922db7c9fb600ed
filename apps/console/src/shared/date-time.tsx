import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n/i18n';

interface DateTimeProps {
  value: string | null;
  fallback: string;
}

/** Newsroom times are always read in Vietnam time, whatever the browser's own time zone. */
export function DateTime({ value, fallback }: DateTimeProps) {
  const { i18n } = useTranslation();
  const date = value ? new Date(value) : null;
  if (!value || !date || Number.isNaN(date.getTime())) return <>{fallback}</>;
  const text = new Intl.DateTimeFormat(dateLocale(i18n.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date);
  return <time dateTime={value}>{text}</time>;
}
