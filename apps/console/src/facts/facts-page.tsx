import type { FactView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/auth-context';
import { canKeepFacts } from '../auth/permissions';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { Notice, type NoticeMessage } from '../shared/notice';
import { Pagination } from '../shared/pagination';
import { FactEditorDialog } from './fact-editor-dialog';
import { FactList } from './fact-list';
import { useFactSearch } from './use-fact-search';

const PAGE_SIZE = 20;

/** Editing nothing, a new fact, or an existing one. */
type Editing = { fact?: FactView } | null;

/** The fact library: verified facts and official statements, searched with or without diacritics. */
export function FactsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canKeep = canKeepFacts(user);
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [validOnly, setValidOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const tags = tag.trim() ? [tag.trim()] : [];
  const facts = useFactSearch({ q, tags, validOnly, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pageCount = facts.data ? Math.max(1, Math.ceil(facts.data.total / PAGE_SIZE)) : 1;

  function filter(apply: () => void) {
    apply();
    setPage(1);
  }

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('facts.title')}</h1>
        <div className="page-header-actions">
          {canKeep && (
            <button type="button" className="primary" onClick={() => setEditing({})} data-testid="fact-create">
              {t('facts.create')}
            </button>
          )}
          <button type="button" onClick={facts.reload} disabled={facts.loading}>
            {t('common.refresh')}
          </button>
        </div>
      </div>
      <p className="muted">{t('facts.intro')}</p>
      <form className="form fact-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span>{t('facts.search')}</span>
          <input type="search" value={q} onChange={(event) => filter(() => setQ(event.target.value))} placeholder={t('facts.searchHint')} maxLength={200} data-testid="fact-search" />
        </label>
        <label className="field">
          <span>{t('facts.fields.tags')}</span>
          <input type="search" value={tag} onChange={(event) => filter(() => setTag(event.target.value))} maxLength={50} data-testid="fact-tag-filter" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={validOnly} onChange={(event) => filter(() => setValidOnly(event.target.checked))} data-testid="fact-valid-only" />
          {t('facts.validOnly')}
        </label>
      </form>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <div className="busy-region" aria-busy={facts.loading}>
        {facts.error !== undefined ? (
          <ErrorState error={facts.error} onRetry={facts.reload} />
        ) : !facts.data ? (
          <LoadingState />
        ) : facts.data.facts.length === 0 ? (
          <p className="state" data-testid="facts-empty">
            {t(q || tag || validOnly ? 'facts.noMatches' : 'facts.empty')}
          </p>
        ) : (
          <>
            <p className="muted" data-testid="facts-total">
              {t('facts.total', { count: facts.data.total })}
            </p>
            <FactList facts={facts.data.facts} onEdit={canKeep ? (fact) => setEditing({ fact }) : undefined} />
            {pageCount > 1 && <Pagination page={page} pageCount={pageCount} onChange={setPage} />}
          </>
        )}
      </div>
      {editing && (
        <FactEditorDialog
          fact={editing.fact}
          onClose={(saved) => {
            const existing = editing.fact;
            setEditing(null);
            if (!saved) return;
            facts.reload();
            setNotice({ kind: 'success', parts: [{ key: existing ? 'facts.saved' : 'facts.created' }] });
          }}
        />
      )}
    </section>
  );
}
