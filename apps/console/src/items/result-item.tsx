import type { ItemSearchEntry } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ExternalLink } from '../shared/external-link';
import { Highlight } from '../shared/highlight';
import { RelativeTime } from '../shared/relative-time';

interface ResultItemProps {
  item: ItemSearchEntry;
  sourceName: string | undefined;
  query: string;
}

export function ResultItem({ item, sourceName, query }: ResultItemProps) {
  const { t } = useTranslation();
  const title = item.title || t('items.untitled');
  const language = item.language ?? undefined;
  return (
    <li className="result" data-testid="result-item">
      <h2 className="result-title">
        <Link to={`/items/${encodeURIComponent(item.id)}`} lang={language} data-testid="result-title">
          <Highlight text={title} query={query} ranges={item.title ? item.highlights?.title : []} />
        </Link>
        <ExternalLink href={item.url} testId="result-original" ariaLabel={t('items.openOriginal', { title })} className="original-link">
          <span aria-hidden="true">↗</span>
        </ExternalLink>
      </h2>
      <p className="result-meta">
        {/* The list of sources leaves removed ones out; the entry still names its source. */}
        <span className="result-source">{sourceName ?? (item.sourceName || t('items.unknownSource'))}</span>
        {item.sourceRemoved && (
          <span className="badge badge-removed" title={t('item.sourceRemovedHint')} data-testid="badge-source-removed">
            {t('item.sourceRemoved')}
          </span>
        )}
        <RelativeTime value={item.publishedAt} fallback={t('items.noDate')} />
        {language && (
          <span className="badge" title={t('items.languageBadge', { language: t(`languageNames.${language === 'en' ? 'en' : 'vi'}`) })} data-testid="result-language">
            {language === 'en' || language === 'vi' ? t(`languageNames.${language}`) : language}
          </span>
        )}
        {item.edited && (
          <span className="badge badge-edited" data-testid="badge-edited">
            {t('items.badges.edited')}
          </span>
        )}
        {item.removed && (
          <span className="badge badge-removed" data-testid="badge-removed">
            {t('items.badges.removed')}
          </span>
        )}
        {item.storySize > 1 && (
          <span className="badge badge-story" data-testid="badge-story">
            {t('items.badges.story', { count: item.storySize })}
          </span>
        )}
      </p>
      {item.snippet && (
        <p className="result-snippet" lang={language} data-testid="result-snippet">
          <Highlight text={item.snippet} query={query} ranges={item.highlights?.snippet} />
        </p>
      )}
    </li>
  );
}
