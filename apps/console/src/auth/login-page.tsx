import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../api/http';
import { LanguageSwitch } from '../layout/language-switch';
import { useErrorMessage } from '../shared/error-message';
import { LoadingState } from '../shared/loading-state';
import { useAuth } from './auth-context';
import type { LoginRedirectState } from './require-auth';

export function LoginPage() {
  const { t } = useTranslation();
  const { state, signIn, completeSecondFactor } = useAuth();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  /** Set once the password was right and the account asks for a second step. */
  const [challengeToken, setChallengeToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'signed-in') {
    const from = (location.state as LoginRedirectState | null)?.from;
    return <Navigate to={from ?? '/'} replace />;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const challenge = await signIn({ username: username.trim(), password });
      if (challenge) {
        setChallengeToken(challenge.challengeToken);
        setCode('');
        setSubmitting(false);
      }
    } catch (caught) {
      // The API's 401 message is English; wrong credentials are the one thing a 401 means here.
      setError(errorMessage(caught, { 401: t('login.wrongCredentials') }));
      setSubmitting(false);
    }
  }

  async function handleCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!challengeToken) return;
    setSubmitting(true);
    setError(null);
    try {
      await completeSecondFactor(challengeToken, code.trim());
    } catch (caught) {
      // An expired challenge means starting from the password again; anything else keeps the code step.
      if (caught instanceof ApiError && caught.code === 'second_factor_challenge_invalid') {
        setChallengeToken(null);
        setPassword('');
      }
      setError(errorMessage(caught, caught instanceof ApiError && caught.code === 'wrong_second_factor_code' ? { 401: t('login.wrongCode') } : {}));
      setSubmitting(false);
    }
  }

  function backToPassword() {
    setChallengeToken(null);
    setPassword('');
    setError(null);
  }

  const errorLine = error && (
    <p className="form-error" role="alert" data-testid="login-error">
      {error}
    </p>
  );

  return (
    <main className="login">
      <div className="login-card">
        <div className="login-header">
          <div>
            <p className="brand">{t('app.name')}</p>
            <p className="muted">{t('app.tagline')}</p>
          </div>
          <LanguageSwitch />
        </div>
        {challengeToken ? (
          <>
            <h1>{t('login.codeTitle')}</h1>
            <form onSubmit={handleCode} className="form">
              <p className="muted">{t('login.codeIntro')}</p>
              <label className="field">
                <span>{t('login.code')}</span>
                <input
                  name="code"
                  autoComplete="one-time-code"
                  inputMode="text"
                  required
                  autoFocus
                  value={code}
                  onChange={(event) => setCode(event.target.value)}
                  data-testid="login-code"
                />
              </label>
              {errorLine}
              <div className="form-actions">
                <button type="submit" className="primary" disabled={submitting} data-testid="login-code-submit">
                  {submitting ? t('login.submitting') : t('login.codeSubmit')}
                </button>
                <button type="button" onClick={backToPassword} disabled={submitting} data-testid="login-code-back">
                  {t('login.codeBack')}
                </button>
              </div>
            </form>
          </>
        ) : (
          <>
            <h1>{t('login.title')}</h1>
            {state.sessionExpired && !error && (
              <p className="notice" role="status" data-testid="login-session-expired">
                {t('login.sessionExpired')}
              </p>
            )}
            <form onSubmit={handleSubmit} className="form">
              <label className="field">
                <span>{t('login.username')}</span>
                <input
                  name="username"
                  autoComplete="username"
                  required
                  autoFocus
                  value={username}
                  onChange={(event) => setUsername(event.target.value)}
                  data-testid="login-username"
                />
              </label>
              <label className="field">
                <span>{t('login.password')}</span>
                <input
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                  data-testid="login-password"
                />
              </label>
              {errorLine}
              <button type="submit" className="primary" disabled={submitting} data-testid="login-submit">
                {submitting ? t('login.submitting') : t('login.submit')}
              </button>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
