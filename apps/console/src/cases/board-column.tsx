import type { CaseStatus, CaseSummary } from '@vigil/contracts';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_DRAG_TYPE, CaseCard } from './case-card';

interface BoardColumnProps {
  status: CaseStatus;
  cases: CaseSummary[];
  now: number;
  busyId: string | null;
  onMove: (summary: CaseSummary, to: CaseStatus) => void;
  /** A card dropped here: the API decides whether the move is allowed. */
  onDrop: (caseId: string, to: CaseStatus) => void;
}

export function BoardColumn({ status, cases, now, busyId, onMove, onDrop }: BoardColumnProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const titleId = `case-column-${status}`;

  function handleDragOver(event: DragEvent<HTMLElement>) {
    if (!event.dataTransfer.types.includes(CASE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setOver(true);
  }

  function handleDrop(event: DragEvent<HTMLElement>) {
    setOver(false);
    const caseId = event.dataTransfer.getData(CASE_DRAG_TYPE);
    if (!caseId) return;
    event.preventDefault();
    onDrop(caseId, status);
  }

  return (
    <section
      className={over ? 'board-column board-column-over' : 'board-column'}
      aria-labelledby={titleId}
      onDragOver={handleDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={handleDrop}
      data-testid="board-column"
      data-status={status}
    >
      <h2 id={titleId} className="board-column-title">
        {t(`cases.status.${status}`)} <span className="board-column-count">{cases.length}</span>
      </h2>
      <ol className="board-cards">
        {cases.map((summary) => (
          <CaseCard key={summary.id} summary={summary} now={now} busy={busyId === summary.id} onMove={onMove} />
        ))}
      </ol>
    </section>
  );
}
