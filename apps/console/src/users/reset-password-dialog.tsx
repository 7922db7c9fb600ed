import type { UserView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { resetPassword } from '../api/users-api';
import { useErrorMessage } from '../shared/error-message';
import { useModalDialog } from '../shared/use-modal-dialog';

interface ResetPasswordDialogProps {
  user: UserView;
  /** `reset` once the password was reset, so the list can show the user must change it. */
  onClose: (reset: boolean) => void;
}

/**
 * An admin gives someone a temporary password: one they type, or one Vigil generates and shows only here, once.
 * Either way the user's sessions end and they must choose their own at the next sign-in.
 */
export function ResetPasswordDialog({ user, onClose }: ResetPasswordDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [mode, setMode] = useState<'generate' | 'set'>('generate');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** Set once reset; `generated` is the password Vigil chose, null when the admin typed it. */
  const [result, setResult] = useState<{ generated: string | null } | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const answer = await resetPassword(user.id, mode === 'set' ? { password } : {});
      setPassword('');
      setResult({ generated: answer.generatedPassword });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="dialog dialog-narrow"
      aria-labelledby="reset-password-title"
      onClose={() => onClose(result !== null)}
      data-testid="reset-password-dialog"
    >
      <h2 id="reset-password-title">{t('users.reset.title', { name: user.username })}</h2>
      {result ? (
        <div className="form">
          {result.generated === null ? (
            <p className="notice notice-success" role="status" data-testid="reset-password-done">
              {t('users.reset.done', { name: user.username })}
            </p>
          ) : (
            <div className="notice notice-success" role="status" data-testid="reset-password-done">
              <p>{t('users.reset.generated', { name: user.username })}</p>
              <p>
                <code data-testid="reset-password-generated">{result.generated}</code>
              </p>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => onClose(true)} autoFocus data-testid="reset-password-close">
              {t('users.reset.close')}
            </button>
          </div>
        </div>
      ) : (
        // noValidate: the API is the single judge of validity and its messages name the offending field.
        <form className="form" onSubmit={handleSubmit} noValidate>
          <p className="muted">{t('users.reset.intro')}</p>
          <fieldset className="checkboxes">
            <label className="checkbox">
              <input type="radio" name="reset-mode" checked={mode === 'generate'} onChange={() => setMode('generate')} data-testid="reset-password-mode-generate" />
              <span>{t('users.reset.modeGenerate')}</span>
            </label>
            <label className="checkbox">
              <input type="radio" name="reset-mode" checked={mode === 'set'} onChange={() => setMode('set')} data-testid="reset-password-mode-set" />
              <span>{t('users.reset.modeSet')}</span>
            </label>
          </fieldset>
          {mode === 'set' && (
            <label className="field">
              <span>{t('users.reset.password')}</span>
              <input
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                data-testid="reset-password-input"
              />
            </label>
          )}
          {error && (
            <p className="form-error" role="alert" data-testid="reset-password-error">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={submitting} data-testid="reset-password-submit">
              {submitting ? t('users.reset.submitting') : t('users.reset.submit')}
            </button>
            <button type="button" onClick={() => onClose(false)} disabled={submitting} data-testid="reset-password-cancel">
              {t('users.reset.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
