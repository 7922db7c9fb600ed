import type { TwoFactorEnrolment, TwoFactorStatus } from '@vigil/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmTwoFactor, disableTwoFactor, enrolTwoFactor, fetchTwoFactorStatus } from '../api/auth-api';
import { ApiError } from '../api/http';
import { useErrorMessage } from '../shared/error-message';
import { useModalDialog } from '../shared/use-modal-dialog';

interface TwoFactorDialogProps {
  onClose: () => void;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'status'; status: TwoFactorStatus }
  | { kind: 'enrolling'; enrolment: TwoFactorEnrolment }
  /** Shown once: the API keeps only hashes of these. */
  | { kind: 'recovery-codes'; codes: string[] };

/**
 * The signed-in user's two-step verification: turn it on (secret and otpauth address shown as text, confirmed with a
 * first code, then the recovery codes once) or off (with a current code or the password).
 */
export function TwoFactorDialog({ onClose }: TwoFactorDialogProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    let active = true;
    fetchTwoFactorStatus().then(
      (status) => active && setPhase({ kind: 'status', status }),
      (caught: unknown) => active && setError(errorMessage(caught)),
    );
    return () => {
      active = false;
    };
    // Loaded once, when the dialog opens.
  }, []);

  async function run(work: () => Promise<void>, byStatus: Partial<Record<number, string>> = {}) {
    setSubmitting(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      const wrongCode = caught instanceof ApiError && caught.code === 'wrong_second_factor_code';
      setError(errorMessage(caught, wrongCode ? { 401: t('twoFactor.wrongCode') } : byStatus));
    } finally {
      setSubmitting(false);
    }
  }

  const startEnrolment = () =>
    run(async () => {
      const enrolment = await enrolTwoFactor();
      setCode('');
      setPhase({ kind: 'enrolling', enrolment });
    });

  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      const { recoveryCodes } = await confirmTwoFactor(code.trim());
      setPhase({ kind: 'recovery-codes', codes: recoveryCodes });
    });
  };

  const disable = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(
      async () => {
        await disableTwoFactor(code.trim() ? { code: code.trim() } : { password });
        setCode('');
        setPassword('');
        setPhase({ kind: 'status', status: await fetchTwoFactorStatus() });
      },
      { 401: t('twoFactor.wrongPassword') },
    );
  };

  const errorLine = error && (
    <p className="form-error" role="alert" data-testid="two-factor-error">
      {error}
    </p>
  );
  const closeButton = (
    <button type="button" onClick={onClose} disabled={submitting} data-testid="two-factor-close">
      {t('twoFactor.close')}
    </button>
  );

  return (
    <dialog ref={dialog} className="dialog dialog-narrow" aria-labelledby="two-factor-title" onClose={onClose} data-testid="two-factor-dialog">
      <h2 id="two-factor-title">{t('twoFactor.title')}</h2>
      {phase.kind === 'loading' && (
        <div className="form">
          {errorLine ?? <p className="muted">{t('twoFactor.loading')}</p>}
          <div className="form-actions">{closeButton}</div>
        </div>
      )}

      {phase.kind === 'status' && !phase.status.enabled && (
        <div className="form">
          <p>{t('twoFactor.intro')}</p>
          <p className="muted" data-testid="two-factor-status">
            {t('twoFactor.statusOff')}
          </p>
          {errorLine}
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void startEnrolment()} disabled={submitting} data-testid="two-factor-enable">
              {t('twoFactor.enable')}
            </button>
            {closeButton}
          </div>
        </div>
      )}

      {phase.kind === 'enrolling' && (
        <form className="form" onSubmit={confirm}>
          <p>{t('twoFactor.enrolSteps')}</p>
          <div className="field">
            <span>{t('twoFactor.secret')}</span>
            <code className="secret-text" data-testid="two-factor-secret">
              {phase.enrolment.secret}
            </code>
          </div>
          <div className="field">
            <span>{t('twoFactor.uri')}</span>
            <code className="secret-text" data-testid="two-factor-uri">
              {phase.enrolment.otpauthUri}
            </code>
          </div>
          <label className="field">
            <span>{t('twoFactor.code')}</span>
            <input
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              autoFocus
              value={code}
              onChange={(event) => setCode(event.target.value)}
              data-testid="two-factor-code"
            />
          </label>
          {errorLine}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={submitting} data-testid="two-factor-confirm">
              {submitting ? t('twoFactor.confirming') : t('twoFactor.confirm')}
            </button>
            {closeButton}
          </div>
        </form>
      )}

      {phase.kind === 'recovery-codes' && (
        <div className="form">
          <h3>{t('twoFactor.recoveryTitle')}</h3>
          <p className="notice notice-success" role="status">
            {t('twoFactor.recoveryIntro')}
          </p>
          <ul className="recovery-codes" data-testid="two-factor-recovery-codes">
            {phase.codes.map((recoveryCode) => (
              <li key={recoveryCode}>
                <code>{recoveryCode}</code>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="button" className="primary" onClick={onClose} autoFocus data-testid="two-factor-codes-saved">
              {t('twoFactor.recoverySaved')}
            </button>
          </div>
        </div>
      )}

      {phase.kind === 'status' && phase.status.enabled && (
        <form className="form" onSubmit={disable}>
          <p data-testid="two-factor-status">
            {t('twoFactor.statusOn', {
              date: phase.status.enabledAt ? new Date(phase.status.enabledAt).toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }) : '',
              count: phase.status.recoveryCodesLeft,
            })}
          </p>
          <h3>{t('twoFactor.disableTitle')}</h3>
          <p className="muted">{t('twoFactor.disableIntro')}</p>
          <label className="field">
            <span>{t('twoFactor.disableCode')}</span>
            <input autoComplete="one-time-code" value={code} onChange={(event) => setCode(event.target.value)} data-testid="two-factor-disable-code" />
          </label>
          <label className="field">
            <span>{t('twoFactor.disablePassword')}</span>
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="two-factor-disable-password"
            />
          </label>
          {errorLine}
          <div className="form-actions">
            <button type="submit" disabled={submitting || (!code.trim() && !password)} data-testid="two-factor-disable">
              {submitting ? t('twoFactor.disabling') : t('twoFactor.disable')}
            </button>
            {closeButton}
          </div>
        </form>
      )}
    </dialog>
  );
}
