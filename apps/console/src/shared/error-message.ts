import { CASE_STATUSES, CASE_TRANSITION_REFUSALS, type CaseStatus, type CaseTransitionRefusal, type ErrorCode } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { type TranslateErrorCode, useErrorCodeText } from '../i18n/error-codes';

/** Translated messages for statuses whose meaning the caller knows, e.g. `{ 401: … }` on the login form. */
export type StatusMessages = Partial<Record<number, string>>;

/**
 * Every API error is shown through its code, in the interface language: the API's English message never reaches
 * the user. Callers may word a status themselves where they know its meaning in context; anything that is not an
 * ApiError is a network failure.
 */
export function useErrorMessage(): (error: unknown, byStatus?: StatusMessages) => string {
  const { t } = useTranslation();
  const codeText = useErrorCodeText();
  return (error, byStatus = {}) => {
    if (!(error instanceof ApiError)) return t('common.networkError');
    const known = byStatus[error.status];
    if (known) return known;
    const refusal = transitionRefusal(error);
    if (refusal) {
      const allowed = (error.details?.allowed ?? []).filter(isCaseStatus).map((status) => t(`cases.status.${status}`));
      return [t(`cases.refusal.${refusal}`), allowed.length > 0 ? t('cases.refusal.allowed', { statuses: allowed.join(', ') }) : t('cases.refusal.noneAllowed')].join(' ');
    }
    return describe(codeText, error);
  };
}

/** Why the API refused to move a case (its `details.reason`), for the two refusal codes that carry one. */
function transitionRefusal(error: ApiError): CaseTransitionRefusal | undefined {
  if (error.code !== 'case_transition_illegal' && error.code !== 'case_transition_not_permitted') return undefined;
  return CASE_TRANSITION_REFUSALS.find((refusal) => refusal === error.details?.reason);
}

function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

function describe(codeText: TranslateErrorCode, error: ApiError): string {
  const code: ErrorCode = error.code;
  if (code === 'validation_failed' && error.field) return codeText.field(error.field) ?? codeText.code(code);
  if (code === 'too_many_login_attempts') return codeText.code(code, { minutes: Math.max(1, Math.ceil((error.details?.retryAfterSec ?? 60) / 60)) });
  // The API counts from 0; people count characters from 1.
  if (code === 'flag_claimed_by_other') return codeText.code(code, { holder: error.details?.holder?.displayName ?? '—' });
  if (code === 'draft_version_conflict') return codeText.code(code, { holder: error.details?.updatedBy?.displayName ?? '—' });
  if (code === 'rule_syntax_invalid') return codeText.code(code, { position: (error.details?.position ?? 0) + 1 });
  return codeText.code(code);
}
