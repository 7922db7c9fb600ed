import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { writeCitationDrag, type CitationSource } from './citation-drag';

interface EvidenceEntryProps {
  source: CitationSource;
  canCite: boolean;
  onCite: (source: CitationSource) => void;
  testId: string;
  targetId: string;
  children: ReactNode;
}

/** One citable source: draggable onto the editor, with a button doing the same at the cursor for keyboard users. */
export function EvidenceEntry({ source, canCite, onCite, testId, targetId, children }: EvidenceEntryProps) {
  const { t } = useTranslation();
  return (
    <li
      className={canCite ? 'evidence-entry draggable' : 'evidence-entry'}
      draggable={canCite}
      onDragStart={(event) => writeCitationDrag(event.dataTransfer, source)}
      data-testid={testId}
      data-target-id={targetId}
    >
      <span className="evidence-title">{children}</span>
      {canCite && (
        <button type="button" className="small" onMouseDown={(event) => event.preventDefault()} onClick={() => onCite(source)} aria-label={t('drafts.evidence.citeNamed', { title: source.title })} data-testid="evidence-cite">
          {t('drafts.evidence.cite')}
        </button>
      )}
    </li>
  );
}
