import type { CaseLinkView, CaseView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { unlinkFromCase } from '../api/cases-api';
import { ConfirmDialog } from '../shared/confirm-dialog';

interface CaseLinkRemoveDialogProps {
  caseId: string;
  link: CaseLinkView;
  /** `updated` is null when the dialog was cancelled. */
  onClose: (updated: CaseView | null) => void;
}

/** Asks before unlinking: the flag, item or story stays; only the case stops pointing at it. */
export function CaseLinkRemoveDialog({ caseId, link, onClose }: CaseLinkRemoveDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      testId="case-link-remove"
      narrow
      title={t('cases.links.removeDialog.title', { title: link.title || t('live.untitled') })}
      submitLabel={t('cases.links.removeDialog.submit')}
      submittingLabel={t('cases.links.removeDialog.submitting')}
      cancelLabel={t('cases.links.removeDialog.cancel')}
      onConfirm={() => unlinkFromCase(caseId, link.kind, link.id)}
      onClose={onClose}
    >
      <p>{t('cases.links.removeDialog.body')}</p>
    </ConfirmDialog>
  );
}
