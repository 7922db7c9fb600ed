import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const KEYS = [
  ['j', 'live.help.next'],
  ['k', 'live.help.previous'],
  ['c', 'live.help.claim'],
  ['e', 'live.help.escalate'],
  ['d', 'live.help.dismiss'],
  ['?', 'live.help.help'],
  ['Esc', 'live.help.close_key'],
] as const;

/** The live screen's keyboard shortcuts, as a modal the `?` key opens and Escape closes. */
export function ShortcutsHelp({ canTriage, onClose }: { canTriage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="dialog dialog-narrow" aria-labelledby="live-help-title" onClose={onClose} data-testid="live-help">
      <h2 id="live-help-title">{t('live.help.title')}</h2>
      <dl className="shortcut-list">
        {KEYS.map(([key, text]) => (
          <div key={key} className="shortcut" data-testid="live-help-key" data-key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(text)}</dd>
          </div>
        ))}
      </dl>
      {!canTriage && <p className="muted small">{t('live.help.triageOnly')}</p>}
      <div className="form-actions">
        <button type="button" onClick={onClose} autoFocus data-testid="live-help-close">
          {t('live.help.close')}
        </button>
      </div>
    </dialog>
  );
}
