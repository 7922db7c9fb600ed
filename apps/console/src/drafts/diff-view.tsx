import type { DraftDiff } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

interface DiffViewProps {
  parts: DraftDiff['parts'];
  testId: string;
}

/** Words added and removed in place, marked by more than colour (ins/del, and a label for screen readers). */
export function DiffView({ parts, testId }: DiffViewProps) {
  const { t } = useTranslation();
  if (parts.every((part) => part.kind === 'same')) {
    return (
      <p className="muted" data-testid={testId} data-empty="true">
        {t('drafts.diff.same')}
      </p>
    );
  }
  return (
    <div className="draft-diff" data-testid={testId}>
      {parts.map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index} aria-label={t('drafts.diff.added')} data-testid="diff-added">
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={index} aria-label={t('drafts.diff.removed')} data-testid="diff-removed">
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  );
}
