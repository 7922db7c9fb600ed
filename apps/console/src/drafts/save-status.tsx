import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../shared/error-message';
import type { DraftAutosave } from './use-draft-autosave';

/** "Đã lưu / Đang lưu… / Chưa lưu", and a failed save with its reason and a retry. */
export function SaveStatus({ autosave }: { autosave: DraftAutosave }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <span className={`save-status save-status-${autosave.state}`} role="status" data-testid="draft-save-state" data-state={autosave.state}>
      {t(`drafts.save.${autosave.state}`)}
      {autosave.state === 'failed' && (
        <>
          {' '}
          <span className="form-error">{errorMessage(autosave.failure)}</span>{' '}
          <button type="button" className="small" onClick={() => void autosave.flush()} data-testid="draft-save-retry">
            {t('common.retry')}
          </button>
        </>
      )}
    </span>
  );
}
