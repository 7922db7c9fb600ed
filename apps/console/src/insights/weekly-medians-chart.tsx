import type { DashboardWeek } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatDuration } from '../shared/duration';

const WIDTH = 720;
const HEIGHT = 180;
const AXIS = 18;

/** Median times to acknowledge and to publish per week, two lines on one time axis; a week with none leaves a gap. */
export function WeeklyMediansChart({ weeks }: { weeks: DashboardWeek[] }) {
  const { t } = useTranslation();
  const duration = useFormatDuration();
  const max = Math.max(1, ...weeks.flatMap((week) => [week.medianAcknowledgeSec ?? 0, week.medianPublishSec ?? 0]));
  const plot = HEIGHT - AXIS;
  const step = WIDTH / Math.max(1, weeks.length);
  const x = (index: number) => index * step + step / 2;
  const y = (seconds: number) => plot - (seconds / max) * (plot - 8);
  const line = (pick: (week: DashboardWeek) => number | null) =>
    weeks
      .map((week, index) => ({ index, value: pick(week) }))
      .filter((point): point is { index: number; value: number } => point.value !== null)
      .map((point) => `${x(point.index)},${y(point.value)}`)
      .join(' ');
  const dayMonth = (iso: string) => {
    // Week starts are Monday 00:00 in Vietnam: the local calendar date is seven hours on.
    const local = new Date(new Date(iso).getTime() + 7 * 3_600_000);
    return `${String(local.getUTCDate()).padStart(2, '0')}/${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  return (
    <figure className="weekly-chart" data-testid="weekly-medians">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('insights.dashboard.mediansLabel')}>
        <title>{t('insights.dashboard.mediansLabel')}</title>
        <polyline points={line((week) => week.medianAcknowledgeSec)} className="line-acknowledge" />
        <polyline points={line((week) => week.medianPublishSec)} className="line-publish" />
        {weeks.map((week, index) => (
          <g key={week.weekStart} data-testid="dashboard-week" data-week={week.weekStart} data-acknowledge={week.medianAcknowledgeSec ?? ''} data-publish={week.medianPublishSec ?? ''}>
            {week.medianAcknowledgeSec !== null && (
              <circle cx={x(index)} cy={y(week.medianAcknowledgeSec)} r={3} className="point-acknowledge">
                <title>{`${dayMonth(week.weekStart)} · ${t('insights.metrics.acknowledge')}: ${duration(week.medianAcknowledgeSec)}`}</title>
              </circle>
            )}
            {week.medianPublishSec !== null && (
              <circle cx={x(index)} cy={y(week.medianPublishSec)} r={3} className="point-publish">
                <title>{`${dayMonth(week.weekStart)} · ${t('insights.metrics.publish')}: ${duration(week.medianPublishSec)}`}</title>
              </circle>
            )}
            <text x={x(index)} y={HEIGHT - 4} textAnchor="middle" className="axis-label">
              {dayMonth(week.weekStart)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="spread-legend">
        <span>
          <span className="swatch" style={{ background: '#1f6feb' }} aria-hidden="true" /> {t('insights.metrics.acknowledge')}
        </span>
        <span>
          <span className="swatch" style={{ background: '#d97706' }} aria-hidden="true" /> {t('insights.metrics.publish')}
        </span>
      </figcaption>
    </figure>
  );
}
