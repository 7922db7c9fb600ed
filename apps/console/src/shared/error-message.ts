import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';

/** API errors carry a message meant for users; anything else is a network failure. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => (error instanceof ApiError ? error.message : t('common.networkError'));
}
