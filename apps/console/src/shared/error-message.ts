import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';

/** Translated messages for statuses whose meaning the caller knows, e.g. `{ 401: … }` on the login form. */
export type StatusMessages = Partial<Record<number, string>>;

/**
 * API 4xx messages are written for users, so they are shown as they come unless the caller knows what the status
 * means in its context. A 5xx carries no message meant for users (it is a bug or an outage), and anything that is
 * not an ApiError is a network failure.
 */
export function useErrorMessage(): (error: unknown, byStatus?: StatusMessages) => string {
  const { t } = useTranslation();
  return (error, byStatus = {}) => {
    if (!(error instanceof ApiError)) return t('common.networkError');
    const known = byStatus[error.status];
    if (known) return known;
    if (error.status >= 500) return t('common.serverError');
    return error.message;
  };
}
