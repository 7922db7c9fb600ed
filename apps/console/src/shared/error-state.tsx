import { useTranslation } from 'react-i18next';
import { useErrorMessage, type StatusMessages } from './error-message';

interface ErrorStateProps {
  error: unknown;
  onRetry: () => void;
  byStatus?: StatusMessages;
}

export function ErrorState({ error, onRetry, byStatus }: ErrorStateProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <div className="state state-error" role="alert" data-testid="error-state">
      <p>{errorMessage(error, byStatus)}</p>
      <button type="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
