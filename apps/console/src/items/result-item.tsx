import type { ItemSummary } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DateTime } from '../shared/date-time';
import { ExternalLink } from '../shared/external-link';

interface ResultItemProps {
  item: ItemSummary;
  sourceName: string | undefined;
}

export function ResultItem({ item, sourceName }: ResultItemProps) {
  const { t } = useTranslation();
  const title = item.title || t('items.untitled');
  const language = item.language ?? undefined;
  return (
    <li className="result" data-testid="result-item">
      <h2 className="result-title">
        <ExternalLink href={item.url} lang={language} testId="result-title">
          {title}
        </ExternalLink>
      </h2>
      <p className="result-meta">
        <span className="result-source">{sourceName ?? t('items.unknownSource')}</span>
        <DateTime value={item.publishedAt} fallback={t('items.noDate')} />
        {language && (
          <span className="badge" title={t('items.languageBadge', { language })}>
            {language}
          </span>
        )}
        <Link to={`/items/${encodeURIComponent(item.id)}`} aria-label={t('items.detailsFor', { title })} data-testid="result-details">
          {t('items.details')}
        </Link>
      </p>
      {item.snippet && (
        <p className="result-snippet" lang={language}>
          {item.snippet}
        </p>
      )}
    </li>
  );
}
