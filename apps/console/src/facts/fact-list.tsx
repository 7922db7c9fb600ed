import type { FactView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { serverNow } from '../api/server-clock';
import { ExternalLink } from '../shared/external-link';
import { FactDay } from './fact-day';

interface FactListProps {
  facts: FactView[];
  /** Absent for those who may only read the library. */
  onEdit?: (fact: FactView) => void;
}

/** The office's calendar day (YYYY-MM-DD) on the server's clock, as the API counts validity. */
const OFFICE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Each fact as it will be cited: the statement verbatim, who stated it (linked), its days, tags and validity. */
export function FactList({ facts, onEdit }: FactListProps) {
  const { t } = useTranslation();
  const today = OFFICE_DAY.format(serverNow());
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
            {fact.validFrom > today && (
              <span className="badge" data-testid="fact-not-yet-valid">
                {t('facts.notYetValid')}
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
