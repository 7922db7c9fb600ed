import type { StoryView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n/i18n';

/** One CSS bar per hour (Vietnam time), oldest first, scaled to the busiest hour; labelled every six hours. */
export function HourlyChart({ hourly }: { hourly: StoryView['hourly'] }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(1, ...hourly.map((entry) => entry.count));
  const format = new Intl.DateTimeFormat(dateLocale(i18n.language), { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
  const hourOnly = new Intl.DateTimeFormat(dateLocale(i18n.language), { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
  return (
    <figure className="hourly-chart" data-testid="story-hourly">
      <figcaption>{t('story.hourly')}</figcaption>
      <ol className="hourly-bars">
        {hourly.map((entry, index) => {
          const label = format.format(new Date(entry.hour));
          return (
            <li key={entry.hour} className="hourly-bar" title={t('story.hourCount', { hour: label, count: entry.count })} data-testid="story-hour" data-hour={entry.hour} data-count={entry.count}>
              <span className="visually-hidden">{t('story.hourCount', { hour: label, count: entry.count })}</span>
              <span className="hourly-track" aria-hidden="true">
                <span className={entry.count > 0 ? 'hourly-fill' : 'hourly-fill hourly-zero'} style={{ height: `${(entry.count / max) * 100}%` }} />
              </span>
              <span className="hourly-label" aria-hidden="true">
                {index % 6 === 0 ? hourOnly.format(new Date(entry.hour)) : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
