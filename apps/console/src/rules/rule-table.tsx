import type { RuleView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import type { NoticeMessage } from '../shared/notice';
import { RuleRow } from './rule-row';

interface RuleTableProps {
  rules: RuleView[];
  canManage: boolean;
  onNotice: (notice: NoticeMessage) => void;
  onChanged: (updated: RuleView) => void;
  onEdit: (rule: RuleView) => void;
  onDelete: (rule: RuleView) => void;
}

export function RuleTable({ rules, canManage, onNotice, onChanged, onEdit, onDelete }: RuleTableProps) {
  const { t } = useTranslation();
  if (rules.length === 0) {
    return (
      <p className="state" data-testid="rules-empty">
        {t(canManage ? 'rules.emptyCanCreate' : 'rules.empty')}
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="rules-table">
        <thead>
          <tr>
            <th scope="col">{t('rules.fields.name')}</th>
            <th scope="col">{t('rules.fields.severity')}</th>
            <th scope="col">{t('rules.fields.query')}</th>
            <th scope="col">{t('rules.fields.ownerTeam')}</th>
            <th scope="col">{t('rules.fields.enabled')}</th>
            {canManage && <th scope="col">{t('rules.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <RuleRow key={rule.id} rule={rule} canManage={canManage} onNotice={onNotice} onChanged={onChanged} onEdit={onEdit} onDelete={onDelete} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
