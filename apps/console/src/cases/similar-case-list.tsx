import { CASE_STATUSES, SEVERITIES, type CaseStatus, type MatchScoreParts, type Severity, type SimilarCaseView } from '@vigil/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SeverityBadge } from '../rules/severity-badge';

const PARTS: (keyof MatchScoreParts)[] = ['text', 'glossary', 'numbers', 'dates', 'places'];

interface SimilarCaseListProps {
  suggestions: SimilarCaseView[];
  /** The action offered on each suggestion (attach the flag, confirm the match). */
  actionLabel: string;
  busyId: string | null;
  /** Hidden when the viewer may not act. */
  onAction?: (suggestion: SimilarCaseView) => void;
  /** What the action will also do, shown above its button (the pairs a confirmation teaches the glossary). */
  actionDetail?: (suggestion: SimilarCaseView) => ReactNode;
}

/** Suggested open cases about the same claim, best first: what each scores, from which parts, and what they share. */
export function SimilarCaseList({ suggestions, actionLabel, busyId, onAction, actionDetail }: SimilarCaseListProps) {
  const { t } = useTranslation();
  return (
    <ol className="similar-cases" data-testid="similar-cases">
      {suggestions.map((suggestion) => {
        const parts = PARTS.filter((part) => suggestion.parts[part] > 0);
        const shared = [...suggestion.shared.concepts, ...suggestion.shared.places, ...suggestion.shared.numbers, ...suggestion.shared.dates];
        return (
          <li key={suggestion.caseId} className="similar-case" data-testid="similar-case" data-case-id={suggestion.caseId}>
            <div className="similar-case-head">
              <Link to={`/cases/${encodeURIComponent(suggestion.caseId)}`} className="case-reference" data-testid="similar-case-reference">
                {suggestion.reference}
              </Link>
              {isSeverity(suggestion.severity) && <SeverityBadge severity={suggestion.severity} />}
              {isCaseStatus(suggestion.status) && <span className={`badge case-status case-status-${suggestion.status}`}>{t(`cases.status.${suggestion.status}`)}</span>}
              <span className="badge similar-case-score" data-testid="similar-case-score" title={t('cases.similar.scoreHint')}>
                {t('cases.similar.score', { score: suggestion.score.toFixed(1) })}
              </span>
            </div>
            <p className="similar-case-title" data-testid="similar-case-title">
              {suggestion.title}
            </p>
            <p className="muted small" data-testid="similar-case-parts">
              {parts.map((part) => t(`cases.similar.part.${part}`, { points: suggestion.parts[part].toFixed(1) })).join(' · ')}
            </p>
            {shared.length > 0 && (
              <p className="muted small" data-testid="similar-case-shared">
                {t('cases.similar.shared', { terms: shared.join(', ') })}
              </p>
            )}
            {onAction && actionDetail?.(suggestion)}
            {onAction && (
              <button type="button" onClick={() => onAction(suggestion)} disabled={busyId !== null} data-testid="similar-case-action">
                {busyId === suggestion.caseId ? t('live.dialog.submitting') : actionLabel}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}
