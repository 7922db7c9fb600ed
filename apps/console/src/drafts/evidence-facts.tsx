import type { FactPage, FactView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString, request } from '../api/http';
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

/** The fact library searched (with or without diacritics) for entries to cite; an expired fact says so. */
export function EvidenceFacts({ canCite, onCite }: EvidenceFactsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [query, setQuery] = useState('');
  const [facts, setFacts] = useState<FactView[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSearching(true);
    setError(null);
    try {
      setFacts((await request<FactPage>(`/api/facts${queryString({ q: query.trim(), limit: RESULTS })}`)).facts);
    } catch (caught) {
      setError(caught);
    } finally {
      setSearching(false);
    }
  }

  return (
    <div className="evidence-facts">
      <h3>{t('drafts.evidence.facts')}</h3>
      <form className="form evidence-fact-search" role="search" onSubmit={search}>
        <label className="field">
          <span>{t('drafts.evidence.factSearch')}</span>
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={200} data-testid="evidence-fact-search" />
        </label>
        <div className="form-actions">
          <button type="submit" disabled={searching} data-testid="evidence-fact-search-submit">
            {t('drafts.evidence.search')}
          </button>
        </div>
      </form>
      {error !== null && (
        <p className="form-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {facts !== null &&
        (facts.length === 0 ? (
          <p className="muted small">{t('drafts.evidence.noFacts')}</p>
        ) : (
          <ul className="evidence-list">
            {facts.map((fact) => (
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
        ))}
    </div>
  );
}
