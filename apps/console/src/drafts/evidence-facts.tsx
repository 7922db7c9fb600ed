import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFactSearch } from '../facts/use-fact-search';
import { useErrorMessage } from '../shared/error-message';
import type { CitationSource } from './citation-drag';
import { EvidenceEntry } from './evidence-entry';

/** Enough to pick from; a narrower query finds the rest. */
const RESULTS = 10;
/** The API keeps a citation's title to 500 characters; a long statement is cited by its opening. */
const CITATION_TITLE_MAX = 500;

interface EvidenceFactsProps {
  canCite: boolean;
  onCite: (source: CitationSource) => void;
}

/** The fact library searched as the writer types (with or without diacritics); an expired fact says so. */
export function EvidenceFacts({ canCite, onCite }: EvidenceFactsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [query, setQuery] = useState('');
  const facts = useFactSearch({ q: query, limit: RESULTS });
  const list = facts.data?.facts ?? [];

  return (
    <div className="evidence-facts">
      <h3>{t('drafts.evidence.facts')}</h3>
      <label className="field" role="search">
        <span>{t('drafts.evidence.factSearch')}</span>
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={200} data-testid="evidence-fact-search" />
      </label>
      {facts.error !== undefined ? (
        <p className="form-error" role="alert">
          {errorMessage(facts.error)}
        </p>
      ) : list.length === 0 ? (
        <p className="muted small">{facts.loading ? t('common.loading') : t('drafts.evidence.noFacts')}</p>
      ) : (
        <ul className="evidence-list" data-testid="evidence-facts">
          {list.map((fact) => (
            <EvidenceEntry
              key={fact.id}
              source={{ kind: 'fact', targetId: fact.id, url: fact.sourceUrl, title: fact.statement.slice(0, CITATION_TITLE_MAX) }}
              canCite={canCite}
              onCite={onCite}
              testId="evidence-fact"
              targetId={fact.id}
            >
              {fact.statement} <span className="muted small">— {fact.sourceName}</span>
              {fact.expired && <span className="badge draft-fact-expired"> {t('drafts.evidence.expired')}</span>}
            </EvidenceEntry>
          ))}
        </ul>
      )}
    </div>
  );
}
