import type { CaseView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transitionCase } from '../api/cases-api';
import { useErrorMessage } from '../shared/error-message';

interface CaseTransitionsProps {
  view: CaseView;
  onChanged: (view: CaseView) => void;
}

/** A button per status the signed-in user may move the case to now (the API's list), with an optional reason. */
export function CaseTransitions({ view, onChanged }: CaseTransitionsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function move(to: CaseView['status']) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await transitionCase(view.id, { to, ...(reason.trim() ? { reason: reason.trim() } : {}) }));
      setReason('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="case-transitions" data-testid="case-transitions">
      {view.allowedTransitions.length === 0 ? (
        <p className="muted small" data-testid="case-transitions-none">
          {t('cases.move.none')}
        </p>
      ) : (
        <>
          <div className="case-transition-buttons" role="group" aria-label={t('cases.move.label', { reference: view.reference })}>
            {view.allowedTransitions.map((to) => (
              <button key={to} type="button" disabled={busy} onClick={() => void move(to)} data-testid="case-transition" data-status={to}>
                {t('cases.move.to', { status: t(`cases.status.${to}`) })}
              </button>
            ))}
          </div>
          <label className="inline-field case-transition-reason">
            <span>{t('cases.move.reason')}</span>
            <input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} data-testid="case-transition-reason" />
          </label>
        </>
      )}
      {error !== null && (
        <p className="form-error" role="alert" data-testid="case-transition-error">
          {errorMessage(error)}
        </p>
      )}
    </div>
  );
}
