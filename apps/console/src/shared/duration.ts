import { useTranslation } from 'react-i18next';

const UNITS = [
  ['days', 86_400],
  ['hours', 3_600],
  ['minutes', 60],
  ['seconds', 1],
] as const;

/**
 * 900 → "15 phút", 5400 → "1 giờ 30 phút", 450 → "7 phút 30 giây" ("15 min", "1 h 30 min"): the two largest units a
 * duration has, as a reader says it, never raw seconds.
 */
export function useFormatDuration(): (seconds: number) => string {
  const { t } = useTranslation();
  return (seconds) => {
    let rest = Math.max(0, Math.round(seconds));
    const parts: string[] = [];
    for (const [unit, size] of UNITS) {
      const count = Math.floor(rest / size);
      rest -= count * size;
      if (count > 0 && parts.length < 2) parts.push(t(`duration.${unit}`, { count }));
      else if (parts.length > 0) break;
    }
    return parts.length > 0 ? parts.join(' ') : t('duration.seconds', { count: 0 });
  };
}
