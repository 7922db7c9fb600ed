import { useTranslation } from 'react-i18next';
import { verifyCaseAudit } from '../api/cases-api';
import { useErrorMessage } from '../shared/error-message';
import { useResource } from '../shared/use-resource';

interface AuditVerifyBadgeProps {
  caseId: string;
  /** Changes whenever the trail grows, so the chain is verified again. */
  version: string;
}

/** Whether the case's hash-chained trail is intact, as the API recomputes it, and where it breaks if not. */
export function AuditVerifyBadge({ caseId, version }: AuditVerifyBadgeProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const verification = useResource((signal) => verifyCaseAudit(caseId, signal), [caseId, version]);
  if (verification.error !== undefined) {
    return (
      <span className="badge audit-unknown" data-testid="audit-verify" data-state="unknown">
        {t('cases.audit.unverified', { message: errorMessage(verification.error) })}
      </span>
    );
  }
  if (!verification.data) {
    return (
      <span className="badge audit-unknown" data-testid="audit-verify" data-state="checking">
        {t('cases.audit.checking')}
      </span>
    );
  }
  const { intact, entries, firstBrokenSeq } = verification.data;
  return (
    <span className={`badge ${intact ? 'audit-intact' : 'audit-broken'}`} data-testid="audit-verify" data-state={intact ? 'intact' : 'broken'}>
      {intact ? t('cases.audit.intact', { count: entries }) : t('cases.audit.broken', { seq: firstBrokenSeq ?? '?' })}
    </span>
  );
}
