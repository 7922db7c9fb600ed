import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './error-message';

/**
 * A translation key with its values, translated when shown: a notice then follows the language switch. A value may be
 * a key itself (a source kind's name), translated the same way.
 */
export interface Translatable {
  key: string;
  values?: Record<string, string | number | Translatable>;
}

/** A sentence of a notice: a translation, or an API error worded from its code. */
export type NoticePart = Translatable | { error: unknown };

export type NoticeMessage =
  | { kind: 'success' | 'error'; parts: NoticePart[] }
  /** Text already translated: it stays in the language it was made in. Prefer `parts`. */
  | { kind: 'success' | 'error'; text: string };

/** A one-sentence success notice. */
export function successNotice(key: string, values?: Translatable['values']): NoticeMessage {
  return { kind: 'success', parts: [{ key, values }] };
}

export function errorNotice(error: unknown): NoticeMessage {
  return { kind: 'error', parts: [{ error }] };
}

interface NoticeProps {
  notice: NoticeMessage | null;
  onDismiss: () => void;
}

export function Notice({ notice, onDismiss }: NoticeProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();

  function translate(text: Translatable): string {
    const values = Object.fromEntries(Object.entries(text.values ?? {}).map(([name, value]) => [name, typeof value === 'object' ? translate(value) : value]));
    // Keys come from the console's own code, never from the API; i18next types only literal keys.
    return t(text.key as 'common.dismiss', values);
  }

  const text = !notice ? '' : 'text' in notice ? notice.text : notice.parts.map((part) => ('key' in part ? translate(part) : errorMessage(part.error))).join(' ');
  // The live region stays mounted so screen readers announce each new message.
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <div className={`notice notice-${notice.kind}`} data-testid="notice">
          <span>{text}</span>
          <button type="button" className="link-button" onClick={onDismiss}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
