import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../auth/auth-context';
import { canManageRules } from '../auth/permissions';
import { Notice, type NoticeMessage } from '../shared/notice';
import { suggestedName } from './rule-draft';
import { RuleEditorDialog } from './rule-editor-dialog';

/**
 * "Save search as rule" on the items page: opens the rule editor with the search's words as the query, a draft the
 * user reviews (and may test) before saving. Search words read the same in the rule language (adjacent words AND).
 */
export function SaveSearchAsRule({ query }: { query: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  if (!canManageRules(user) || !query.trim()) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="save-search-as-rule">
        {t('rules.fromSearch.button')}
      </button>
      {notice && (
        <span className="save-search-notice">
          <Notice notice={notice} onDismiss={() => setNotice(null)} />
          <Link to="/rules" data-testid="save-search-rules-link">
            {t('rules.fromSearch.openRules')}
          </Link>
        </span>
      )}
      {open && (
        <RuleEditorDialog
          initial={{ query: query.trim(), name: suggestedName(t('rules.fromSearch.name', { query: query.trim() })) }}
          onClose={(saved) => {
            setOpen(false);
            if (saved) setNotice({ kind: 'success', text: t('rules.created', { name: saved.name }) });
          }}
        />
      )}
    </>
  );
}
