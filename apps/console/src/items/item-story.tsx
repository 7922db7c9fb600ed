import type { ItemSummary } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DateTime } from '../shared/date-time';

interface ItemStoryProps {
  items: ItemSummary[];
  sourceNames: Map<string, string>;
}

/** Other copies of the same story (syndication), first seen first: who published it, and when. */
export function ItemStory({ items, sourceNames }: ItemStoryProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="item-story-title" data-testid="item-story">
      <h2 id="item-story-title">{t('item.story')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('item.noStory')}</p>
      ) : (
        <ol className="story-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/items/${encodeURIComponent(item.id)}`} lang={item.language ?? undefined} data-testid="item-story-link">
                {item.title || t('items.untitled')}
              </Link>
              <span className="muted">
                {' · '}
                {sourceNames.get(item.sourceId) ?? t('items.unknownSource')}
                {' · '}
                <DateTime value={item.publishedAt} fallback={t('items.noDate')} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
