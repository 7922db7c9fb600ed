import type { ItemDetail } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setItemWatched } from '../api/items-api';
import { useErrorMessage } from '../shared/error-message';

interface WatchButtonProps {
  item: ItemDetail;
  onChanged: (item: ItemDetail) => void;
}

/**
 * Watching asks to be told of later edits and takedowns. The label names the action it performs (no aria-pressed,
 * which would contradict a changing label) and the note beside it says the current state.
 */
export function WatchButton({ item, onChanged }: WatchButtonProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleClick() {
    setSaving(true);
    setError(null);
    try {
      onChanged(await setItemWatched(item.id, !item.watched));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="watch">
      <button
        type="button"
        className={item.watched ? 'watching' : undefined}
        onClick={handleClick}
        disabled={saving}
        data-testid="item-watch"
      >
        {item.watched ? t('item.unwatch') : t('item.watch')}
      </button>
      {item.watched && <span className="muted small">{t('item.watching')}</span>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
