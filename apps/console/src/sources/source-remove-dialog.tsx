import type { SourceRemoval, SourceView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { removeSource } from '../api/sources-api';
import { ConfirmDialog } from '../shared/confirm-dialog';

interface SourceRemoveDialogProps {
  source: SourceView;
  /** `removed` is null when the dialog was cancelled. */
  onClose: (removed: SourceRemoval | null) => void;
}

/**
 * Asks before removing: by default the items stay as evidence, marked "source removed"; deleting them too is a
 * separate, unticked choice.
 */
export function SourceRemoveDialog({ source, onClose }: SourceRemoveDialogProps) {
  const { t } = useTranslation();
  const [withItems, setWithItems] = useState(false);
  return (
    <ConfirmDialog
      testId="source-remove"
      title={t('sources.removeDialog.title', { name: source.name })}
      submitLabel={t(withItems ? 'sources.removeDialog.submitWithItems' : 'sources.removeDialog.submit')}
      submittingLabel={t('sources.removeDialog.submitting')}
      cancelLabel={t('sources.removeDialog.cancel')}
      onConfirm={() => removeSource(source.id, withItems)}
      onClose={onClose}
    >
      <p>{t('sources.removeDialog.body')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={withItems} onChange={(event) => setWithItems(event.target.checked)} data-testid="source-remove-with-items" />
        {t('sources.removeDialog.withItems')}
      </label>
    </ConfirmDialog>
  );
}
