import type { RulePreview } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PREVIEW_DAYS } from '../api/rules-api';
import { DateTime } from '../shared/date-time';
import { MarkedText } from './marked-text';
import { PreviewChart } from './preview-chart';

/** Matches listed under the chart; the API sends up to 50, a glance needs fewer. */
const SHOWN_MATCHES = 10;

interface RulePreviewResultProps {
  preview: RulePreview;
  /** True when the query was edited after this preview ran: the numbers are for the previous text. */
  stale: boolean;
}

export function RulePreviewResult({ preview, stale }: RulePreviewResultProps) {
  const { t } = useTranslation();
  const shown = preview.matches.slice(0, SHOWN_MATCHES);
  return (
    <section className={stale ? 'rule-preview rule-preview-stale' : 'rule-preview'} aria-labelledby="rule-preview-title" data-testid="rule-preview">
      <h3 id="rule-preview-title" className="rule-preview-total" data-testid="rule-preview-total" data-total={preview.total}>
        {t('rules.preview.total', { count: preview.total, days: PREVIEW_DAYS })}
      </h3>
      {stale && (
        <p className="muted small" data-testid="rule-preview-stale">
          {t('rules.preview.stale')}
        </p>
      )}
      {preview.truncated && (
        <p className="rule-preview-truncated" data-testid="rule-preview-truncated">
          {t('rules.preview.truncated', { count: preview.examined })}
        </p>
      )}
      <PreviewChart perDay={preview.perDay} />
      {shown.length > 0 && (
        <>
          <ul className="rule-preview-matches" data-testid="rule-preview-matches">
            {shown.map((match) => (
              <li key={match.itemId} data-testid="rule-preview-match">
                {/* A new tab keeps the editor and what was typed in it. */}
                <Link to={`/items/${encodeURIComponent(match.itemId)}`} target="_blank" rel="noopener" data-testid="rule-preview-match-title">
                  <MarkedText text={match.title || t('items.untitled')} ranges={match.title ? match.highlights.filter((highlight) => highlight.field === 'title') : []} />
                </Link>{' '}
                <span className="muted small">
                  <DateTime value={match.publishedAt} fallback={t('items.noDate')} />
                </span>
              </li>
            ))}
          </ul>
          {preview.total > shown.length && (
            <p className="muted small" data-testid="rule-preview-more">
              {t('rules.preview.more', { shown: shown.length, count: preview.total })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
