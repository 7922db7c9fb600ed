import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './error-message';

interface ErrorStateProps {
  error: unknown;
  onRetry: () => void;
}

export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <div className="state state-error" role="alert" data-testid="error-state">
      <p>{errorMessage(error)}</p>
      <button type="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
