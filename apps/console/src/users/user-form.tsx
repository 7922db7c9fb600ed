import { ROLES, type Role, type UserView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createUser } from '../api/users-api';
import { useErrorMessage } from '../shared/error-message';

export function UserForm({ onCreated }: { onCreated: (user: UserView) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  // On by default: the admin chose this password, so it should not outlive the first sign-in.
  const [mustChangePassword, setMustChangePassword] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  function toggleRole(role: Role, checked: boolean) {
    setRoles((current) => (checked ? [...current, role] : current.filter((existing) => existing !== role)));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const created = await createUser({ username: username.trim(), displayName: displayName.trim(), password, roles, mustChangePassword });
      setUsername('');
      setDisplayName('');
      setPassword('');
      setRoles([]);
      setMustChangePassword(true);
      onCreated(created);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    // noValidate: the API is the single judge of validity and its messages name the offending field.
    <form className="form card" onSubmit={handleSubmit} noValidate aria-labelledby="user-form-title">
      <h2 id="user-form-title">{t('users.form.title')}</h2>
      <div className="form-grid">
        <label className="field">
          <span>{t('users.form.username')}</span>
          <input
            autoComplete="off"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
            data-testid="user-form-username"
          />
        </label>
        <label className="field">
          <span>{t('users.form.displayName')}</span>
          <input
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            required
            data-testid="user-form-display-name"
          />
        </label>
        <label className="field">
          <span>{t('users.form.password')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
            data-testid="user-form-password"
          />
        </label>
      </div>
      <fieldset className="checkboxes">
        <legend>{t('users.form.roles')}</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              value={role}
              checked={roles.includes(role)}
              onChange={(event) => toggleRole(role, event.target.checked)}
              data-testid={`user-form-role-${role}`}
            />
            <span>{t(`roles.${role}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={mustChangePassword}
          onChange={(event) => setMustChangePassword(event.target.checked)}
          data-testid="user-form-must-change"
        />
        <span>{t('users.form.mustChange')}</span>
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="user-form-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={submitting} data-testid="user-form-submit">
        {submitting ? t('users.form.submitting') : t('users.form.submit')}
      </button>
    </form>
  );
}
