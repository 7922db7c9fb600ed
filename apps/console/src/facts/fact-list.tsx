import type { FactView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { ExternalLink } from '../shared/external-link';
import { FactDay } from './fact-day';

interface FactListProps {
  facts: FactView[];
  /** Absent for those who may only read the library. */
  onEdit?: (fact: FactView) => void;
}

/** Each fact as it will be cited: the statement verbatim, who stated it (linked), its days, tags and validity. */
export function FactList({ facts, onEdit }: FactListProps) {
  const { t } = useTranslation();
  return (
    <ul className="fact-list" data-testid="fact-list">
      {facts.map((fact) => (
        <li key={fact.id} className="fact-entry" data-testid="fact-entry">
          <blockquote className="fact-statement" lang={fact.language} data-testid="fact-statement">
            {fact.statement}
          </blockquote>
          <div className="fact-meta">
            <span>
              {t('facts.sourcedBy')}{' '}
              {fact.sourceUrl ? (
                <ExternalLink href={fact.sourceUrl} testId="fact-source">
                  {fact.sourceName}
                </ExternalLink>
              ) : (
                <span data-testid="fact-source">{fact.sourceName}</span>
              )}
            </span>
            <span>
              {t('facts.statedOn')} <FactDay day={fact.statedOn} />
            </span>
            <span data-testid="fact-validity">
              {t('facts.validFrom')} <FactDay day={fact.validFrom} />
              {fact.validUntil ? (
                <>
                  {' '}
                  {t('facts.validUntil')} <FactDay day={fact.validUntil} />
                </>
              ) : (
                ` ${t('facts.noEnd')}`
              )}
            </span>
            {fact.expired && (
              <span className="badge fact-expired" data-testid="fact-expired">
                {t('facts.expired')}
              </span>
            )}
          </div>
          {fact.tags.length > 0 && (
            <ul className="fact-tags" aria-label={t('facts.fields.tags')}>
              {fact.tags.map((tag) => (
                <li key={tag} className="badge">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          {onEdit && (
            <button type="button" onClick={() => onEdit(fact)} data-testid="fact-edit">
              {t('facts.edit')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
