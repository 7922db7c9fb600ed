import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useErrorMessage, type StatusMessages } from './error-message';

interface ErrorStateProps {
  error: unknown;
  onRetry: () => void;
  byStatus?: StatusMessages;
}

/** A refusal that asking again cannot change (not found, bad request, forbidden): no Retry button for it. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429;
}

export function ErrorState({ error, onRetry, byStatus }: ErrorStateProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <div className="state state-error" role="alert" data-testid="error-state">
      <p>{errorMessage(error, byStatus)}</p>
      {isRetryable(error) && (
        <button type="button" onClick={onRetry} data-testid="error-retry">
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
