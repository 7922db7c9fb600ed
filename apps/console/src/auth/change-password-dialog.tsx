import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/auth-api';
import { useErrorMessage } from '../shared/error-message';
import { useAuth } from './auth-context';
import { useModalDialog } from '../shared/use-modal-dialog';

interface ChangePasswordDialogProps {
  onClose: () => void;
  /**
   * The password was chosen by someone else and must be replaced before anything else: the dialog cannot be
   * dismissed (only signing out leaves it), and `onClose` runs once the password is changed.
   */
  required?: boolean;
}

/** A modal form for the signed-in user's own password; the API signs out the user's other sessions, not this one. */
export function ChangePasswordDialog({ onClose, required = false }: ChangePasswordDialogProps) {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (newPassword !== confirmation) {
      setError(t('changePassword.mismatch'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await changePassword({ currentPassword, newPassword });
      setDone(true);
    } catch (caught) {
      setError(errorMessage(caught, { 401: t('changePassword.wrongCurrent') }));
    } finally {
      setSubmitting(false);
    }
  }

  function handleClose() {
    // Escape (or a browser's close gesture) must not skip a required change: the dialog comes straight back.
    if (required && !done) dialog.current?.showModal();
    else onClose();
  }

  function handleSignOut() {
    signOut().catch((caught: unknown) => setError(errorMessage(caught)));
  }

  return (
    <dialog
      ref={dialog}
      className="dialog dialog-narrow"
      aria-labelledby="change-password-title"
      onClose={handleClose}
      onCancel={required ? (event) => event.preventDefault() : undefined}
      data-testid="change-password-dialog"
      data-required={required ? 'true' : undefined}
    >
      <h2 id="change-password-title">{t(required ? 'changePassword.requiredTitle' : 'changePassword.title')}</h2>
      {required && !done && (
        <p className="muted" data-testid="change-password-required-intro">
          {t('changePassword.requiredIntro')}
        </p>
      )}
      {done ? (
        <div className="form">
          <p className="notice notice-success" role="status" data-testid="change-password-done">
            {t(required ? 'changePassword.requiredDone' : 'changePassword.done')}
          </p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={onClose} autoFocus data-testid="change-password-close">
              {t(required ? 'changePassword.continue' : 'changePassword.close')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={handleSubmit}>
          <label className="field">
            <span>{t(required ? 'changePassword.currentTemporary' : 'changePassword.current')}</span>
            <input
              type="password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.target.value)}
              data-testid="change-password-current"
            />
          </label>
          <label className="field">
            <span>{t('changePassword.new')}</span>
            <input
              type="password"
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(event) => setNewPassword(event.target.value)}
              aria-describedby="change-password-new-hint"
              data-testid="change-password-new"
            />
            <small id="change-password-new-hint" className="muted">{t('changePassword.newHint')}</small>
          </label>
          <label className="field">
            <span>{t('changePassword.confirm')}</span>
            <input
              type="password"
              autoComplete="new-password"
              required
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
              data-testid="change-password-confirm"
            />
          </label>
          {error && (
            <p className="form-error" role="alert" data-testid="change-password-error">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={submitting} data-testid="change-password-submit">
              {submitting ? t('changePassword.submitting') : t('changePassword.submit')}
            </button>
            {required ? (
              <button type="button" onClick={handleSignOut} disabled={submitting} data-testid="change-password-sign-out">
                {t('changePassword.signOut')}
              </button>
            ) : (
              <button type="button" onClick={onClose} disabled={submitting} data-testid="change-password-cancel">
                {t('changePassword.cancel')}
              </button>
            )}
          </div>
        </form>
      )}
    </dialog>
  );
}
