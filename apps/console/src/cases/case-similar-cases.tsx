import type { SimilarCaseView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmSimilarCase, similarCases } from '../api/cases-api';
import { useCurrentUser } from '../auth/auth-context';
import { canOpenCases } from '../auth/permissions';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { errorNotice, Notice, successNotice, type NoticeMessage } from '../shared/notice';
import { useResource } from '../shared/use-resource';
import { SimilarCaseList } from './similar-case-list';
import { useKeptPairs } from './use-kept-pairs';

/** Open cases about the same claim as this one; confirming a match teaches the glossary the term pairs the officer kept. */
export function CaseSimilarCases({ caseId, version }: { caseId: string; version: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // The case's text changes (title, claim, links) with its version, and so may its matches.
  const resource = useResource((signal) => similarCases(caseId, signal), [caseId, version]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const { keptPairs, pairsDetail } = useKeptPairs();
  const suggestions = resource.data?.suggestions;

  async function confirm(suggestion: SimilarCaseView) {
    setBusyId(suggestion.caseId);
    setNotice(null);
    try {
      await confirmSimilarCase(caseId, suggestion.caseId, keptPairs(suggestion));
      setNotice(successNotice('cases.similar.confirmed', { reference: suggestion.reference }));
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section className="card" aria-labelledby="case-similar-title" data-testid="case-similar">
      <h2 id="case-similar-title">{t('cases.similar.panelTitle')}</h2>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {resource.error !== undefined ? (
        <ErrorState error={resource.error} onRetry={resource.reload} />
      ) : !suggestions ? (
        <LoadingState />
      ) : suggestions.length === 0 ? (
        <p className="muted small" data-testid="similar-cases-empty">
          {t('cases.similar.panelEmpty')}
        </p>
      ) : (
        <SimilarCaseList
          suggestions={suggestions}
          actionLabel={t('cases.similar.confirm')}
          busyId={busyId}
          onAction={canOpenCases(user) ? (suggestion) => void confirm(suggestion) : undefined}
          actionDetail={(suggestion) => pairsDetail(suggestion, busyId !== null)}
        />
      )}
    </section>
  );
}
