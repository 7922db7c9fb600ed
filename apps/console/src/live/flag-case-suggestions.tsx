import type { CreateGlossaryTermRequest, SimilarCaseView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { similarCasesForFlag } from '../api/flags-api';
import { SimilarCaseList } from '../cases/similar-case-list';
import { useKeptPairs } from '../cases/use-kept-pairs';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { useResource } from '../shared/use-resource';

interface FlagCaseSuggestionsProps {
  flagId: string;
  /** The case being attached to, while the escalation is sent. */
  attachingId: string | null;
  disabled: boolean;
  /** With the suggestion's candidate pairs the officer kept, for the glossary to learn. */
  onAttach: (suggestion: SimilarCaseView, pairs: CreateGlossaryTermRequest[]) => void;
}

/**
 * Before escalating: the open cases about the same claim, so the flag can join one instead of opening another; joining
 * confirms the match, so it shows the term pairs the glossary would learn, ticked, as the case page does.
 */
export function FlagCaseSuggestions({ flagId, attachingId, disabled, onAttach }: FlagCaseSuggestionsProps) {
  const { t } = useTranslation();
  const resource = useResource((signal) => similarCasesForFlag(flagId, signal), [flagId]);
  const { keptPairs, pairsDetail } = useKeptPairs();
  const suggestions = resource.data?.suggestions;
  return (
    <section className="flag-case-suggestions" aria-labelledby="flag-case-suggestions-title" data-testid="flag-case-suggestions">
      <h3 id="flag-case-suggestions-title">{t('cases.similar.forFlagTitle')}</h3>
      {resource.error !== undefined ? (
        <ErrorState error={resource.error} onRetry={resource.reload} />
      ) : !suggestions ? (
        <LoadingState />
      ) : suggestions.length === 0 ? (
        <p className="muted small" data-testid="similar-cases-empty">
          {t('cases.similar.forFlagEmpty')}
        </p>
      ) : (
        <SimilarCaseList
          suggestions={suggestions}
          actionLabel={t('cases.similar.attach')}
          busyId={disabled ? (attachingId ?? '') : null}
          onAction={(suggestion) => onAttach(suggestion, keptPairs(suggestion))}
          actionDetail={(suggestion) => pairsDetail(suggestion, disabled)}
        />
      )}
    </section>
  );
}
