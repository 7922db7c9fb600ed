import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { listCaseDrafts } from '../api/drafts-api';
import { useCurrentUser } from '../auth/auth-context';
import { DateTime } from '../shared/date-time';
import { useErrorMessage } from '../shared/error-message';
import { useResource } from '../shared/use-resource';
import { canEditDrafts } from './draft-actions';
import { NewDraftDialog } from './new-draft-dialog';

interface CaseDraftsProps {
  caseId: string;
}

/** The case page's drafts: each response being written for it, and "New draft" from the case's starter. */
export function CaseDrafts({ caseId }: CaseDraftsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const drafts = useResource((signal) => listCaseDrafts(caseId, signal), [caseId]);
  const [creating, setCreating] = useState(false);
  const list = drafts.data?.drafts ?? [];

  return (
    <section className="card case-drafts" aria-labelledby="case-drafts-title" data-testid="case-drafts">
      <h2 id="case-drafts-title">{t('drafts.list.title')}</h2>
      {drafts.error !== undefined ? (
        <p className="form-error" role="alert">
          {errorMessage(drafts.error)}
        </p>
      ) : list.length === 0 ? (
        <p className="muted">{drafts.loading ? t('common.loading') : t('drafts.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('drafts.fields.title')}</th>
                <th>{t('drafts.fields.channel')}</th>
                <th>{t('drafts.fields.language')}</th>
                <th>{t('drafts.fields.status')}</th>
                <th>{t('drafts.list.version')}</th>
                <th>{t('drafts.list.approvedVersion')}</th>
                <th>{t('drafts.list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((draft) => (
                <tr key={draft.id} data-testid="case-draft" data-draft-id={draft.id} data-status={draft.status}>
                  <td>
                    <Link to={`/drafts/${encodeURIComponent(draft.id)}`} data-testid="case-draft-open">
                      {draft.title}
                    </Link>
                  </td>
                  <td>
                    {t(`drafts.channel.${draft.channel}`)}
                    {draft.platform && ` · ${t(`drafts.platform.${draft.platform}`)}`}
                  </td>
                  <td>{t(`languageNames.${draft.language}`)}</td>
                  <td>
                    <span className={`badge draft-status draft-status-${draft.status}`}>{t(`drafts.status.${draft.status}`)}</span>
                  </td>
                  <td className="numeric">{draft.version}</td>
                  <td className="numeric" data-testid="case-draft-approved-version">
                    {draft.approvedVersion ?? t('common.notAvailable')}
                  </td>
                  <td>
                    {draft.updatedBy?.displayName ?? t('cases.audit.system')} · <DateTime value={draft.updatedAt} fallback="" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEditDrafts(user) && (
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="draft-new">
            {t('drafts.create.open')}
          </button>
        </div>
      )}
      {creating && (
        <NewDraftDialog
          caseId={caseId}
          onClose={(created) => {
            setCreating(false);
            if (created) void navigate(`/drafts/${encodeURIComponent(created.id)}`);
          }}
        />
      )}
    </section>
  );
}
