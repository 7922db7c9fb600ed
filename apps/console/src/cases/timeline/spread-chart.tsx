import type { CaseTimeline, TimelineEvent } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../../i18n/i18n';

const HOUR_MS = 3_600_000;
const WIDTH = 720;
const HEIGHT = 160;
const AXIS = 18;
/** The sources drawn in their own colour; the rest share the last one. */
const PALETTE = ['#1f6feb', '#d97706', '#059669', '#7c3aed', '#6b7280'];

/** Items per hour stacked by source, with the office's steps as vertical marks: plain SVG, no chart library. */
export function SpreadChart({ timeline }: { timeline: CaseTimeline }) {
  const { t, i18n } = useTranslation();
  const { spread } = timeline;
  if (!spread.from || !spread.to) return <p className="muted">{t('insights.timeline.noItems')}</p>;
  const from = new Date(spread.from).getTime();
  const hours = Math.max(1, Math.round((new Date(spread.to).getTime() - from) / HOUR_MS));
  const colourOf = new Map(spread.sources.map((source, index) => [source.id, PALETTE[Math.min(index, PALETTE.length - 1)]!]));
  const perHour = new Map<number, { sourceId: string; count: number }[]>();
  for (const cell of spread.cells) {
    const index = Math.round((new Date(cell.hour).getTime() - from) / HOUR_MS);
    perHour.set(index, [...(perHour.get(index) ?? []), cell]);
  }
  const max = Math.max(1, ...[...perHour.values()].map((cells) => cells.reduce((sum, cell) => sum + cell.count, 0)));
  const barWidth = WIDTH / hours;
  const plot = HEIGHT - AXIS;
  const x = (iso: string) => ((new Date(iso).getTime() - from) / (hours * HOUR_MS)) * WIDTH;
  const format = new Intl.DateTimeFormat(dateLocale(i18n.language), { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
  const marks = timeline.events.filter((event): event is Extract<TimelineEvent, { kind: 'status_changed' | 'deadline' }> => event.kind === 'status_changed' || event.kind === 'deadline');
  const label = t('insights.timeline.chartLabel', { items: spread.totalItems, sources: spread.sources.length });
  return (
    <figure className="spread-chart" data-testid="timeline-spread">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <title>{label}</title>
        {[...perHour.entries()].map(([index, cells]) => {
          let top = plot;
          return cells.map((cell) => {
            const height = (cell.count / max) * (plot - 4);
            top -= height;
            return <rect key={`${index}-${cell.sourceId}`} x={index * barWidth} y={top} width={Math.max(1, barWidth - 1)} height={height} fill={colourOf.get(cell.sourceId)} data-testid="spread-bar" />;
          });
        })}
        {marks.map((event, index) => (
          <line
            key={index}
            x1={x(event.at)}
            x2={x(event.at)}
            y1={0}
            y2={plot}
            className={event.kind === 'deadline' && event.outcome === 'breached' ? 'mark-breached' : 'mark-step'}
            data-testid="timeline-mark"
          >
            <title>{`${format.format(new Date(event.at))} · ${event.kind === 'deadline' ? t(`cases.stage.${event.stage}`) : t(`cases.status.${event.to}`)}`}</title>
          </line>
        ))}
        <text x={0} y={HEIGHT - 4} className="axis-label">
          {format.format(new Date(spread.from))}
        </text>
        <text x={WIDTH} y={HEIGHT - 4} textAnchor="end" className="axis-label">
          {format.format(new Date(spread.to))}
        </text>
      </svg>
      <figcaption>
        <ul className="spread-legend">
          {spread.sources.map((source) => (
            <li key={source.id} data-testid="spread-source">
              <span className="swatch" style={{ background: colourOf.get(source.id) }} aria-hidden="true" /> {source.name} · {t('live.items', { count: source.items })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
