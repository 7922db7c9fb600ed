import type { CaseDeadlineView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n/i18n';
import { urgencyOf } from './deadline-urgency';

interface DeadlineCountdownProps {
  deadline: CaseDeadlineView;
  /** Now on the server's clock (useServerNow). */
  now: number;
}

/** "Tiếp nhận: còn 14:32" / "Tiếp nhận: quá hạn 02:10", coloured by urgency, the due time (Vietnam time) on hover. */
export function DeadlineCountdown({ deadline, now }: DeadlineCountdownProps) {
  const { t, i18n } = useTranslation();
  const urgency = urgencyOf(deadline, now);
  const dueMs = Date.parse(deadline.dueAt);
  const due = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(dueMs);
  const clock = formatClock(Math.abs(dueMs - now), (days) => t('duration.days', { count: days }));
  const text =
    urgency === 'paused'
      ? t('cases.countdown.paused')
      : dueMs > now
        ? t('cases.countdown.left', { time: clock })
        : t('cases.countdown.overdue', { time: clock });
  return (
    <span
      className={`countdown countdown-${urgency}`}
      title={t('cases.countdown.due', { time: due })}
      data-testid="deadline-countdown"
      data-urgency={urgency}
      data-stage={deadline.stage}
    >
      <span className="countdown-stage">{t(`cases.stage.${deadline.stage}`)}</span> <time dateTime={deadline.dueAt}>{text}</time>
    </span>
  );
}

/** 872_000 → "14:32", 5_400_000 → "1:30:00", two days and more → "2 ngày 03:10:00". */
function formatClock(ms: number, days: (count: number) => string): string {
  const total = Math.floor(ms / 1000);
  const day = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  const time = hours > 0 || day > 0 ? `${day > 0 ? two(hours) : hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
  return day > 0 ? `${days(day)} ${time}` : time;
}
