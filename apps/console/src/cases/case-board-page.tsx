import { CASE_STATUSES, type CaseStatus, type CaseSummary } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BOARD_LIMIT, transitionCase, type CaseFilter } from '../api/cases-api';
import { useCurrentUser } from '../auth/auth-context';
import { canOpenCases } from '../auth/permissions';
import { ConnectionIndicator } from '../live/connection-indicator';
import { useErrorMessage } from '../shared/error-message';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { BoardColumn } from './board-column';
import { BoardFilters } from './board-filters';
import { compareCards } from './board-order';
import { CreateCaseDialog } from './create-case-dialog';
import { useCaseBoard } from './use-case-board';
import { useCasePeople } from './use-case-people';
import { useServerNow } from './use-server-now';

/** What the board last did: a move or an opened case (linked), or a refusal worded from its code. */
type BoardNotice = { kind: 'moved' | 'created'; summary: CaseSummary } | { kind: 'error'; error: unknown };

/** The case board: a column per status, cards counting their next deadline down, kept current by the live feed. */
export function CaseBoardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState<CaseFilter>({});
  const board = useCaseBoard(filter);
  const { people, teams } = useCasePeople(board.cases);
  const now = useServerNow();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<BoardNotice | null>(null);
  const [creating, setCreating] = useState(false);

  async function move(caseId: string, to: CaseStatus) {
    const summary = board.cases?.find((candidate) => candidate.id === caseId);
    if (!summary || summary.status === to) return;
    setBusyId(caseId);
    setNotice(null);
    try {
      const moved = await transitionCase(caseId, { to });
      board.showCase(moved);
      setNotice({ kind: 'moved', summary: moved });
    } catch (error) {
      setNotice({ kind: 'error', error });
    } finally {
      setBusyId(null);
    }
  }

  const cases = [...(board.cases ?? [])].sort(compareCards);
  return (
    <section className="page case-board-page">
      <div className="page-header">
        <h1>{t('cases.board.title')}</h1>
        <div className="page-header-actions">
          <ConnectionIndicator state={board.connection} />
          {canOpenCases(user) && (
            <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="case-create-open">
              {t('cases.create.open')}
            </button>
          )}
        </div>
      </div>
      <p className="muted">{t('cases.board.intro')}</p>
      <BoardFilters filter={filter} people={people} teams={teams} onChange={setFilter} />
      <div className="notice-region" role="status" aria-live="polite">
        {notice && (
          <div className={`notice notice-${notice.kind === 'error' ? 'error' : 'success'}`} data-testid="notice" data-kind={notice.kind}>
            {notice.kind === 'error' ? (
              <span>{errorMessage(notice.error)}</span>
            ) : (
              <span>
                {t(notice.kind === 'moved' ? 'cases.board.moved' : 'cases.board.created', { reference: notice.summary.reference, status: t(`cases.status.${notice.summary.status}`) })}{' '}
                <Link to={`/cases/${encodeURIComponent(notice.summary.id)}`} data-testid="notice-case-link">
                  {t('cases.board.openCase')}
                </Link>
              </span>
            )}
            <button type="button" className="link-button" onClick={() => setNotice(null)}>
              {t('common.dismiss')}
            </button>
          </div>
        )}
      </div>
      {board.error !== undefined ? (
        <ErrorState error={board.error} onRetry={board.reload} />
      ) : !board.cases ? (
        <LoadingState />
      ) : (
        <>
          {board.total > BOARD_LIMIT && (
            <p className="muted small" data-testid="board-truncated">
              {t('cases.board.truncated', { shown: BOARD_LIMIT, total: board.total })}
            </p>
          )}
          <div className="board" data-testid="case-board">
            {CASE_STATUSES.map((status) => (
              <BoardColumn
                key={status}
                status={status}
                cases={cases.filter((summary) => summary.status === status)}
                now={now}
                busyId={busyId}
                onMove={(summary, to) => void move(summary.id, to)}
                onDrop={(caseId, to) => void move(caseId, to)}
              />
            ))}
          </div>
        </>
      )}
      {creating && (
        <CreateCaseDialog
          teams={teams}
          people={people}
          onClose={(created) => {
            setCreating(false);
            if (!created) return;
            board.showCase(created);
            setNotice({ kind: 'created', summary: created });
          }}
        />
      )}
    </section>
  );
}
