import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { LanguageSwitch } from '../layout/language-switch';
import { useErrorMessage } from '../shared/error-message';
import { LoadingState } from '../shared/loading-state';
import { useAuth } from './auth-context';
import type { LoginRedirectState } from './require-auth';

export function LoginPage() {
  const { t } = useTranslation();
  const { state, signIn } = useAuth();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
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
      await signIn({ username: username.trim(), password });
    } catch (caught) {
      // The API's 401 message is English; wrong credentials are the one thing a 401 means here.
      setError(errorMessage(caught, { 401: t('login.wrongCredentials') }));
      setSubmitting(false);
    }
  }

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
        <h1>{t('login.title')}</h1>
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
          {error && (
            <p className="form-error" role="alert" data-testid="login-error">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={submitting} data-testid="login-submit">
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
