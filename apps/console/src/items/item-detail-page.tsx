import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getItem } from '../api/items-api';
import { getSource } from '../api/sources-api';
import { DateTime } from '../shared/date-time';
import { ErrorState } from '../shared/error-state';
import { ExternalLink } from '../shared/external-link';
import { LoadingState } from '../shared/loading-state';
import { useResource } from '../shared/use-resource';

export function ItemDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useResource((signal) => getItem(id, signal), [id]);
  const sourceId = item.data?.sourceId;
  const source = useResource(
    (signal) => (sourceId ? getSource(sourceId, signal) : Promise.resolve(undefined)),
    [sourceId],
  );

  return (
    <section className="page">
      <p>
        <Link to="/">{t('item.back')}</Link>
      </p>
      {item.error !== undefined ? (
        <ErrorState error={item.error} onRetry={item.reload} />
      ) : !item.data ? (
        <LoadingState />
      ) : (
        <article className="item-detail" data-testid="item-detail">
          <h1 lang={item.data.language ?? undefined}>{item.data.title || t('items.untitled')}</h1>
          <dl className="details">
            <dt>{t('item.source')}</dt>
            <dd>{source.data?.name ?? (source.loading ? t('common.loading') : t('items.unknownSource'))}</dd>
            <dt>{t('item.publishedAt')}</dt>
            <dd>
              <DateTime value={item.data.publishedAt} fallback={t('items.noDate')} />
            </dd>
            <dt>{t('item.fetchedAt')}</dt>
            <dd>
              <DateTime value={item.data.fetchedAt} fallback={t('common.notAvailable')} />
            </dd>
            <dt>{t('item.language')}</dt>
            <dd>{item.data.language ?? t('common.notAvailable')}</dd>
            <dt>{t('item.url')}</dt>
            <dd className="break">
              <ExternalLink href={item.data.url}>{item.data.url}</ExternalLink>
            </dd>
          </dl>
          <h2>{t('item.content')}</h2>
          {/* Plain text only: feed content is untrusted and must never be injected as HTML. */}
          <div className="item-content" lang={item.data.language ?? undefined} data-testid="item-content">
            {item.data.content || t('item.noContent')}
          </div>
        </article>
      )}
    </section>
  );
}
