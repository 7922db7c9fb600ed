import type { DraftCheck, DraftCitation } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

interface DraftChecksListProps {
  checks: readonly DraftCheck[];
  /** The draft's citations, numbered as the text shows them, so a check names "[2] …" rather than an id. */
  citations: readonly DraftCitation[];
  numbers: ReadonlyMap<string, number>;
  testId: string;
}

/** The pre-approval checks in words: errors block the approval, warnings only ask for a look. */
export function DraftChecksList({ checks, citations, numbers, testId }: DraftChecksListProps) {
  const { t } = useTranslation();
  const titles = new Map(citations.map((citation) => [citation.id, citation.title]));
  const citationName = (id: string | undefined) => (id ? `[${numbers.get(id) ?? '?'}] ${titles.get(id) ?? ''}`.trim() : '');
  return (
    <ul className="draft-checks" data-testid={testId}>
      {checks.map((check, index) => (
        <li key={`${check.code}-${check.citationId ?? index}`} className={`draft-check draft-check-${check.severity}`} data-testid="draft-check" data-code={check.code} data-severity={check.severity}>
          <span className="badge">{t(`drafts.checks.severity.${check.severity}`)}</span>{' '}
          {t(`drafts.checks.code.${check.code}`, { citation: citationName(check.citationId), length: check.length ?? 0, limit: check.limit ?? 0 })}
        </li>
      ))}
    </ul>
  );
}
