import type { CaseDeadlineView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { DeadlineCountdown } from './deadline-countdown';
import { isStageDone } from './deadline-urgency';

interface CaseDeadlinesProps {
  deadlines: CaseDeadlineView[];
  /** Now on the server's clock. */
  now: number;
}

/** Every stage's deadline: those behind the case say met (in time or late), the others count down. */
export function CaseDeadlines({ deadlines, now }: CaseDeadlinesProps) {
  const { t } = useTranslation();
  if (deadlines.length === 0) return null;
  return (
    <ul className="case-deadlines" aria-label={t('cases.detail.deadlines')} data-testid="case-deadlines">
      {deadlines.map((deadline) => (
        <li key={deadline.stage} data-state={deadline.state}>
          {isStageDone(deadline) ? (
            <span
              className={deadline.state === 'breached' ? 'countdown countdown-met-late' : 'countdown countdown-met'}
              data-testid="deadline-done"
              data-stage={deadline.stage}
              data-state={deadline.state}
            >
              <span className="countdown-stage">{t(`cases.stage.${deadline.stage}`)}</span> {t(deadline.state === 'breached' ? 'cases.countdown.metLate' : 'cases.countdown.met')}
            </span>
          ) : (
            <DeadlineCountdown deadline={deadline} now={now} />
          )}
        </li>
      ))}
    </ul>
  );
}
