import type { CreateGlossaryTermRequest, SimilarCaseView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmSimilarCase, similarCases } from '../api/cases-api';
import { useCurrentUser } from '../auth/auth-context';
import { canOpenCases } from '../auth/permissions';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { errorNotice, Notice, successNotice, type NoticeMessage } from '../shared/notice';
import { useResource } from '../shared/use-resource';
import { CandidatePairs, pairKey } from './candidate-pairs';
import { SimilarCaseList } from './similar-case-list';

/** Open cases about the same claim as this one; confirming a match teaches the glossary the term pairs the officer kept. */
export function CaseSimilarCases({ caseId, version }: { caseId: string; version: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // The case's text changes (title, claim, links) with its version, and so may its matches.
  const resource = useResource((signal) => similarCases(caseId, signal), [caseId, version]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  // Keyed by suggestion and pair: every candidate pair is kept until the officer unticks it.
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const suggestions = resource.data?.suggestions;
  const droppedKey = (suggestion: SimilarCaseView, pair: CreateGlossaryTermRequest) => `${suggestion.caseId}|${pairKey(pair)}`;

  function toggle(suggestion: SimilarCaseView, pair: CreateGlossaryTermRequest, kept: boolean) {
    setDropped((current) => {
      const next = new Set(current);
      if (kept) next.delete(droppedKey(suggestion, pair));
      else next.add(droppedKey(suggestion, pair));
      return next;
    });
  }

  async function confirm(suggestion: SimilarCaseView) {
    setBusyId(suggestion.caseId);
    setNotice(null);
    try {
      await confirmSimilarCase(
        caseId,
        suggestion.caseId,
        suggestion.candidatePairs.filter((pair) => !dropped.has(droppedKey(suggestion, pair))),
      );
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
          actionDetail={(suggestion) =>
            suggestion.candidatePairs.length > 0 && (
              <CandidatePairs
                pairs={suggestion.candidatePairs}
                isKept={(pair) => !dropped.has(droppedKey(suggestion, pair))}
                onToggle={(pair, kept) => toggle(suggestion, pair, kept)}
                disabled={busyId !== null}
              />
            )
          }
        />
      )}
    </section>
  );
}
