import type { RuleView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateRule } from '../api/rules-api';
import { useErrorMessage } from '../shared/error-message';
import type { NoticeMessage } from '../shared/notice';
import { SeverityBadge } from './severity-badge';

interface RuleRowProps {
  rule: RuleView;
  /** False shows the enabled state as text and hides edit and delete: the API would refuse them. */
  canManage: boolean;
  onNotice: (notice: NoticeMessage) => void;
  onChanged: (updated: RuleView) => void;
  onEdit: (rule: RuleView) => void;
  onDelete: (rule: RuleView) => void;
}

export function RuleRow({ rule, canManage, onNotice, onChanged, onEdit, onDelete }: RuleRowProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [toggling, setToggling] = useState(false);

  async function handleToggle() {
    setToggling(true);
    try {
      const updated = await updateRule(rule.id, { enabled: !rule.enabled });
      onChanged(updated);
      onNotice({ kind: 'success', text: t(updated.enabled ? 'rules.enabledNotice' : 'rules.disabledNotice', { name: updated.name }) });
    } catch (error) {
      onNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setToggling(false);
    }
  }

  return (
    <tr className={rule.enabled ? undefined : 'rule-disabled'} data-testid="rule-row" data-rule-id={rule.id}>
      <td>
        <div className="rule-name" data-testid="rule-row-name">
          {rule.name}
        </div>
        {rule.description && <div className="muted small">{rule.description}</div>}
      </td>
      <td>
        <SeverityBadge severity={rule.severity} />
      </td>
      <td className="break">
        <code className="rule-query-text" data-testid="rule-row-query">
          {rule.query}
        </code>
      </td>
      <td>{rule.ownerTeam ?? <span className="muted">{t('common.notAvailable')}</span>}</td>
      <td>
        {canManage ? (
          <label className="checkbox rule-toggle">
            <input
              type="checkbox"
              role="switch"
              checked={rule.enabled}
              disabled={toggling}
              onChange={() => void handleToggle()}
              aria-label={t('rules.toggleLabel', { name: rule.name })}
              data-testid="rule-enabled-toggle"
            />
            <span aria-hidden="true">{t(rule.enabled ? 'rules.on' : 'rules.off')}</span>
          </label>
        ) : (
          <span data-testid="rule-enabled-text">{t(rule.enabled ? 'rules.on' : 'rules.off')}</span>
        )}
      </td>
      {canManage && (
        <td className="rule-actions">
          <button type="button" onClick={() => onEdit(rule)} aria-label={t('rules.editLabel', { name: rule.name })} data-testid="rule-edit">
            {t('rules.edit')}
          </button>
          <button type="button" className="danger" onClick={() => onDelete(rule)} aria-label={t('rules.deleteLabel', { name: rule.name })} data-testid="rule-delete">
            {t('rules.delete')}
          </button>
        </td>
      )}
    </tr>
  );
}
