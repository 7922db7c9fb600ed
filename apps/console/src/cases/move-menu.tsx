import type { CaseStatus, CaseSummary } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCase } from '../api/cases-api';
import { useErrorMessage } from '../shared/error-message';

interface MoveMenuProps {
  summary: CaseSummary;
  disabled: boolean;
  onMove: (to: CaseStatus) => void;
}

type Choices = { kind: 'closed' } | { kind: 'loading' } | { kind: 'open'; statuses: CaseStatus[] } | { kind: 'failed'; message: string };

/**
 * "Move to…": asks the API which statuses the signed-in user may move this case to now (its rules weigh the role
 * and the severity), so the menu offers only those.
 */
export function MoveMenu({ summary, disabled, onMove }: MoveMenuProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [choices, setChoices] = useState<Choices>({ kind: 'closed' });

  function toggle() {
    if (choices.kind !== 'closed') {
      setChoices({ kind: 'closed' });
      return;
    }
    setChoices({ kind: 'loading' });
    getCase(summary.id).then(
      (view) => setChoices({ kind: 'open', statuses: view.allowedTransitions }),
      (error: unknown) => setChoices({ kind: 'failed', message: errorMessage(error) }),
    );
  }

  return (
    <div className="move-menu">
      <button type="button" className="link-button" aria-expanded={choices.kind !== 'closed'} disabled={disabled} onClick={toggle} data-testid="case-move-open">
        {t('cases.move.open')}
      </button>
      {choices.kind === 'loading' && <p className="muted small">{t('common.loading')}</p>}
      {choices.kind === 'failed' && (
        <p className="form-error" role="alert">
          {choices.message}
        </p>
      )}
      {choices.kind === 'open' &&
        (choices.statuses.length === 0 ? (
          <p className="muted small" data-testid="case-move-none">
            {t('cases.move.none')}
          </p>
        ) : (
          <ul className="move-choices" aria-label={t('cases.move.label', { reference: summary.reference })}>
            {choices.statuses.map((status) => (
              <li key={status}>
                <button
                  type="button"
                  onClick={() => {
                    setChoices({ kind: 'closed' });
                    onMove(status);
                  }}
                  data-testid="case-move-to"
                  data-status={status}
                >
                  {t(`cases.status.${status}`)}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
