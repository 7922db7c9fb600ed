import type { CaseLinkKind, CaseLinkView, CaseView, ItemSummary } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { linkToCase } from '../api/cases-api';
import { searchItems } from '../api/items-api';
import { useErrorMessage } from '../shared/error-message';

/** Enough results to pick from without paging; a narrower query finds the rest. */
const RESULTS = 10;

interface CaseLinkPickerProps {
  caseId: string;
  links: CaseLinkView[];
  onLinked: (view: CaseView) => void;
}

/**
 * Adds a link: items are found with the items search (which folds diacritics, so "de vo" finds "đê vỡ"); flags and
 * stories, which have no text search of their own, are linked by id.
 */
export function CaseLinkPicker({ caseId, links, onLinked }: CaseLinkPickerProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ItemSummary[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [kind, setKind] = useState<Exclude<CaseLinkKind, 'item'>>('flag');
  const [targetId, setTargetId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const linked = new Set(links.map((link) => `${link.kind}:${link.id}`));

  async function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!query.trim()) return;
    setSearching(true);
    setError(null);
    try {
      setResults((await searchItems({ q: query.trim(), limit: RESULTS, offset: 0 })).items);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSearching(false);
    }
  }

  async function link(target: { kind: CaseLinkKind; id: string }): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      onLinked(await linkToCase(caseId, target));
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function linkById(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (targetId.trim() && (await link({ kind, id: targetId.trim() }))) setTargetId('');
  }

  return (
    <div className="case-link-picker" data-testid="case-link-picker">
      <h3>{t('cases.links.add')}</h3>
      <form className="form case-link-search" onSubmit={search} role="search">
        <label className="field">
          <span>{t('cases.links.searchLabel')}</span>
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={500} data-testid="case-link-search" />
        </label>
        <div className="form-actions">
          <button type="submit" disabled={searching || !query.trim()} data-testid="case-link-search-submit">
            {searching ? t('cases.links.searching') : t('cases.links.search')}
          </button>
        </div>
      </form>
      {results !== null &&
        (results.length === 0 ? (
          <p className="muted" data-testid="case-link-no-results">
            {t('cases.links.noResults')}
          </p>
        ) : (
          <ul className="case-link-results" data-testid="case-link-results">
            {results.map((item) => {
              const already = linked.has(`item:${item.id}`);
              return (
                <li key={item.id} data-testid="case-link-result" data-item-id={item.id}>
                  <span>{item.title || t('live.untitled')}</span>{' '}
                  <button type="button" disabled={busy || already} onClick={() => void link({ kind: 'item', id: item.id })} data-testid="case-link-add">
                    {already ? t('cases.links.alreadyLinked') : t('cases.links.link')}
                  </button>
                </li>
              );
            })}
          </ul>
        ))}
      <form className="form case-link-by-id" onSubmit={linkById}>
        <h4>{t('cases.links.byId')}</h4>
        <label className="inline-field">
          <span>{t('cases.links.byIdKind')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)} data-testid="case-link-kind">
            <option value="flag">{t('cases.links.kind.flag')}</option>
            <option value="story">{t('cases.links.kind.story')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('cases.links.byIdLabel')}</span>
          <input value={targetId} onChange={(event) => setTargetId(event.target.value)} maxLength={36} spellCheck={false} data-testid="case-link-id" />
        </label>
        <div className="form-actions">
          <button type="submit" disabled={busy || !targetId.trim()} data-testid="case-link-id-submit">
            {t('cases.links.link')}
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert" data-testid="case-link-error">
          {error}
        </p>
      )}
    </div>
  );
}
