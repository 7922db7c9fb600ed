import { useTranslation } from 'react-i18next';

export interface NoticeMessage {
  kind: 'success' | 'error';
  text: string;
}

interface NoticeProps {
  notice: NoticeMessage | null;
  onDismiss: () => void;
}

export function Notice({ notice, onDismiss }: NoticeProps) {
  const { t } = useTranslation();
  // The live region stays mounted so screen readers announce each new message.
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <div className={`notice notice-${notice.kind}`} data-testid="notice">
          <span>{notice.text}</span>
          <button type="button" className="link-button" onClick={onDismiss}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
