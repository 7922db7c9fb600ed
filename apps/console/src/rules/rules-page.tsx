import type { RuleView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRules } from '../api/rules-api';
import { useCurrentUser } from '../auth/auth-context';
import { canManageRules } from '../auth/permissions';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { Notice, type NoticeMessage } from '../shared/notice';
import { useResource } from '../shared/use-resource';
import { RuleDeleteDialog } from './rule-delete-dialog';
import { RuleEditorDialog } from './rule-editor-dialog';
import { RuleTable } from './rule-table';

/** Editing nothing, a new rule, or an existing one. */
type Editing = { rule?: RuleView } | null;

export function RulesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canManage = canManageRules(user);
  const rules = useResource((signal) => listRules(signal), []);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<RuleView | null>(null);

  // A mutation answers with the new row: show it at once rather than waiting for a reload.
  function showUpdated(updated: RuleView) {
    if (rules.data) rules.replace(rules.data.map((rule) => (rule.id === updated.id ? updated : rule)));
  }

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('rules.title')}</h1>
        <div className="page-header-actions">
          {canManage && (
            <button type="button" className="primary" onClick={() => setEditing({})} data-testid="rule-create">
              {t('rules.create')}
            </button>
          )}
          <button type="button" onClick={rules.reload} disabled={rules.loading}>
            {t('common.refresh')}
          </button>
        </div>
      </div>
      <p className="muted">{t('rules.intro')}</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <div className="busy-region" aria-busy={rules.loading}>
        {rules.error !== undefined ? (
          <ErrorState error={rules.error} onRetry={rules.reload} />
        ) : !rules.data ? (
          <LoadingState />
        ) : (
          <RuleTable rules={rules.data} canManage={canManage} onNotice={setNotice} onChanged={showUpdated} onEdit={(rule) => setEditing({ rule })} onDelete={setDeleting} />
        )}
      </div>
      {editing && (
        <RuleEditorDialog
          rule={editing.rule}
          onClose={(saved) => {
            const existing = editing.rule;
            setEditing(null);
            if (!saved) return;
            if (existing) showUpdated(saved);
            else if (rules.data) rules.replace([...rules.data, saved]);
            else rules.reload();
            setNotice({ kind: 'success', text: t(existing ? 'rules.saved' : 'rules.created', { name: saved.name }) });
          }}
        />
      )}
      {deleting && (
        <RuleDeleteDialog
          rule={deleting}
          onClose={(deleted) => {
            const { id, name } = deleting;
            setDeleting(null);
            if (!deleted) return;
            if (rules.data) rules.replace(rules.data.filter((rule) => rule.id !== id));
            setNotice({ kind: 'success', text: t('rules.deleted', { name }) });
          }}
        />
      )}
    </section>
  );
}
