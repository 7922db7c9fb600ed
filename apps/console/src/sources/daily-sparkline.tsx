import { useTranslation } from 'react-i18next';

const BAR_WIDTH = 5;
const GAP = 1;
const HEIGHT = 20;
/** A day with no items still gets a sliver, so a silent fortnight reads as "zero", not as "no chart". */
const MIN_BAR = 1;

/** One bar per day, oldest first, scaled to the busiest day; plain SVG, no chart library. */
export function DailySparkline({ counts }: { counts: number[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...counts);
  const width = Math.max(1, counts.length * (BAR_WIDTH + GAP) - GAP);
  const label = t('sources.sparkline', { counts: counts.join(', ') });
  return (
    <svg
      className="sparkline"
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="source-sparkline"
    >
      <title>{label}</title>
      {counts.map((count, index) => {
        const height = count > 0 ? Math.max(2, (count / max) * HEIGHT) : MIN_BAR;
        return (
          <rect
            key={index}
            x={index * (BAR_WIDTH + GAP)}
            y={HEIGHT - height}
            width={BAR_WIDTH}
            height={height}
            className={count > 0 ? 'sparkline-bar' : 'sparkline-empty'}
          />
        );
      })}
    </svg>
  );
}
