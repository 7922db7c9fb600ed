import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getItem } from '../api/items-api';
import { listSources } from '../api/sources-api';
import { DateTime } from '../shared/date-time';
import { ErrorState } from '../shared/error-state';
import { ExternalLink } from '../shared/external-link';
import { LoadingState } from '../shared/loading-state';
import { useResource } from '../shared/use-resource';
import { ItemEvents } from './item-events';
import { ItemSnapshots } from './item-snapshots';
import { ItemStory } from './item-story';
import { ItemText } from './item-text';
import { WatchButton } from './watch-button';

export function ItemDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useResource((signal) => getItem(id, signal), [id]);
  // One list names this item's source and every source of the same story.
  const sources = useResource((signal) => listSources(signal), []);
  const sourceNames = useMemo(() => new Map(sources.data?.map((source) => [source.id, source.name])), [sources.data]);

  // Following a "same story" link keeps this page mounted; start the next article at its top. A block body on
  // purpose: newer browsers make scrollTo return a Promise, which React would take for a cleanup function.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [id]);

  const data = item.data;
  const language = data?.language ?? undefined;

  return (
    <section className="page">
      <p>
        <Link to="/">{t('item.back')}</Link>
      </p>
      {item.error !== undefined ? (
        <ErrorState error={item.error} onRetry={item.reload} byStatus={{ 404: t('item.notFound') }} />
      ) : !data ? (
        <LoadingState />
      ) : (
        <article className="item-detail" data-testid="item-detail">
          <div className="item-header">
            <h1 lang={language}>{data.title || t('items.untitled')}</h1>
            <WatchButton item={data} onChanged={item.replace} />
          </div>
          {/* Right under the title: an edit or takedown must be seen before anything is quoted. */}
          <ItemEvents itemId={data.id} events={data.events} />
          <dl className="details">
            <dt>{t('item.source')}</dt>
            <dd data-testid="item-source">
              {data.sourceName || sourceNames.get(data.sourceId) || (sources.loading ? t('common.loading') : t('items.unknownSource'))}
              {data.sourceRemoved && (
                <span className="badge-removed" title={t('item.sourceRemovedHint')} data-testid="item-source-removed">
                  {t('item.sourceRemoved')}
                </span>
              )}
            </dd>
            <dt>{t('item.byline')}</dt>
            <dd lang={language} data-testid="item-byline">
              {data.byline || t('common.notAvailable')}
            </dd>
            <dt>{t('item.publishedAt')}</dt>
            <dd>
              <DateTime value={data.publishedAt} fallback={t('items.noDate')} />
            </dd>
            <dt>{t('item.updatedAt')}</dt>
            <dd>
              <DateTime value={data.updatedAt} fallback={t('common.notAvailable')} />
            </dd>
            <dt>{t('item.fetchedAt')}</dt>
            <dd>
              <DateTime value={data.fetchedAt} fallback={t('common.notAvailable')} />
            </dd>
            <dt>{t('item.language')}</dt>
            <dd>{data.language ?? t('common.notAvailable')}</dd>
            <dt>{t('item.url')}</dt>
            <dd className="break">
              <ExternalLink href={data.url}>{data.url}</ExternalLink>
            </dd>
            <dt>{t('item.canonical')}</dt>
            <dd className="break">
              {data.canonicalUrl ? (
                <ExternalLink href={data.canonicalUrl} testId="item-canonical">
                  {data.canonicalUrl}
                </ExternalLink>
              ) : (
                <span data-testid="item-canonical">{t('common.notAvailable')}</span>
              )}
            </dd>
          </dl>
          <section aria-labelledby="item-content-title" data-testid="item-content">
            <h2 id="item-content-title">{t('item.content')}</h2>
            {/* The feed's own content stands in until the article page has been extracted. */}
            <ItemText text={data.text || data.content} language={language} />
          </section>
          <section aria-labelledby="item-images-title" data-testid="item-images">
            <h2 id="item-images-title">{t('item.images')}</h2>
            {data.imageUrls.length === 0 ? (
              <p className="muted">{t('item.noImages')}</p>
            ) : (
              <>
                {/* Addresses only: loading a third-party image would tell its host who is reading the article. */}
                <p className="muted small">{t('item.imagesHint')}</p>
                <ul className="url-list">
                  {data.imageUrls.map((url, index) => (
                    <li key={`${index}-${url}`} className="break">
                      <ExternalLink href={url}>{url}</ExternalLink>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <ItemSnapshots itemId={data.id} snapshots={data.snapshots} />
          <ItemStory items={data.storyItems} sourceNames={sourceNames} />
        </article>
      )}
    </section>
  );
}
