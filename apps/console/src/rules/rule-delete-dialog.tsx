import type { RuleView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { deleteRule } from '../api/rules-api';
import { ConfirmDialog } from '../shared/confirm-dialog';

interface RuleDeleteDialogProps {
  rule: RuleView;
  /** `deleted` is false when the dialog was cancelled. */
  onClose: (deleted: boolean) => void;
}

export function RuleDeleteDialog({ rule, onClose }: RuleDeleteDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      testId="rule-delete"
      narrow
      title={t('rules.deleteDialog.title', { name: rule.name })}
      submitLabel={t('rules.deleteDialog.submit')}
      submittingLabel={t('rules.deleteDialog.submitting')}
      cancelLabel={t('rules.deleteDialog.cancel')}
      onConfirm={async () => {
        await deleteRule(rule.id);
        return true;
      }}
      onClose={(deleted) => onClose(deleted ?? false)}
    >
      <p>{t('rules.deleteDialog.body')}</p>
    </ConfirmDialog>
  );
}
