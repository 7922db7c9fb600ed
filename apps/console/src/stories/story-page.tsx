import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getStory } from '../api/flags-api';
import { SeverityBadge } from '../rules/severity-badge';
import { DateTime } from '../shared/date-time';
import { ErrorState } from '../shared/error-state';
import { ExternalLink } from '../shared/external-link';
import { LoadingState } from '../shared/loading-state';
import { useResource } from '../shared/use-resource';
import { HourlyChart } from './hourly-chart';

/** A story as it spread: first seen where and when, its items, an hourly chart and the flags raised on it. */
export function StoryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const story = useResource((signal) => getStory(id, signal), [id]);
  const view = story.data;

  return (
    <section className="page story-page">
      <p>
        <Link to="/live" data-testid="story-back">
          {t('story.back')}
        </Link>
      </p>
      {story.error !== undefined ? (
        <ErrorState error={story.error} onRetry={story.reload} />
      ) : !view ? (
        <LoadingState />
      ) : (
        <>
          <h1 data-testid="story-title">{view.title || t('live.untitled')}</h1>
          <dl className="story-facts">
            <div>
              <dt>{t('story.firstSeen')}</dt>
              <dd data-testid="story-first-seen">
                <DateTime value={view.firstSeenAt} fallback={t('common.notAvailable')} />
              </dd>
            </div>
            <div>
              <dt>{t('story.firstSource')}</dt>
              <dd data-testid="story-first-source">{view.firstSource.name}</dd>
            </div>
            <div>
              <dt>{t('story.size')}</dt>
              <dd data-testid="story-size">
                {t('live.sources', { count: view.sourceCount })} · {t('live.items', { count: view.itemCount })}
              </dd>
            </div>
          </dl>
          <HourlyChart hourly={view.hourly} />
          <h2>{t('story.flags')}</h2>
          {view.flags.length === 0 ? (
            <p className="muted">{t('story.noFlags')}</p>
          ) : (
            <ul className="story-flags">
              {view.flags.map((flag) => (
                <li key={flag.id} data-testid="story-flag" data-status={flag.status}>
                  <SeverityBadge severity={flag.rule.severity} /> {flag.rule.name} <span className="muted small">· {t(`story.status.${flag.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('story.items')}</h2>
          <table className="story-items">
            <thead>
              <tr>
                <th scope="col">{t('story.column.title')}</th>
                <th scope="col">{t('story.column.source')}</th>
                <th scope="col">{t('story.column.time')}</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((item) => (
                <tr key={item.id} data-testid="story-item">
                  <td className="break">
                    <Link to={`/items/${encodeURIComponent(item.id)}`} data-testid="story-item-link">
                      {item.title || t('live.untitled')}
                    </Link>{' '}
                    <ExternalLink href={item.url} testId="story-item-original" ariaLabel={t('story.original')} className="original-link">
                      <span aria-hidden="true">↗</span>
                    </ExternalLink>
                  </td>
                  <td>{item.sourceName}</td>
                  <td>
                    <DateTime value={item.publishedAt ?? item.fetchedAt} fallback={t('common.notAvailable')} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
