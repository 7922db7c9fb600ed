import { ROLES, type Role, type UserView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateUser } from '../api/users-api';
import { useCurrentUser } from '../auth/auth-context';
import { DateTime } from '../shared/date-time';
import { useErrorMessage } from '../shared/error-message';
import type { NoticeMessage } from '../shared/notice';
import { ResetPasswordDialog } from './reset-password-dialog';

interface UserRowProps {
  user: UserView;
  onChanged: (notice: NoticeMessage) => void;
}

export function UserRow({ user, onChanged }: UserRowProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const isSelf = useCurrentUser().id === user.id;
  const [saving, setSaving] = useState(false);
  /** The roles being edited, or null when the row only shows them. */
  const [editedRoles, setEditedRoles] = useState<Role[] | null>(null);
  const [resetting, setResetting] = useState(false);

  async function handleToggle() {
    setSaving(true);
    try {
      const updated = await updateUser(user.id, { disabled: !user.disabled });
      const key = updated.disabled ? 'users.disabledNotice' : 'users.enabledNotice';
      onChanged({ kind: 'success', text: t(key, { name: updated.username }) });
    } catch (error) {
      onChanged({ kind: 'error', text: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  function toggleRole(role: Role, checked: boolean) {
    setEditedRoles((current) => (current === null ? current : checked ? ROLES.filter((known) => known === role || current.includes(known)) : current.filter((existing) => existing !== role)));
  }

  async function saveRoles() {
    if (editedRoles === null) return;
    setSaving(true);
    try {
      const updated = await updateUser(user.id, { roles: editedRoles });
      setEditedRoles(null);
      onChanged({ kind: 'success', text: t('users.rolesSaved', { name: updated.username }) });
    } catch (error) {
      onChanged({ kind: 'error', text: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <tr data-testid="user-row" data-username={user.username}>
      <td>{user.username}</td>
      <td>{user.displayName}</td>
      <td>
        {editedRoles === null ? (
          <span data-testid="user-roles">{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</span>
        ) : (
          <fieldset className="checkboxes" aria-label={t('users.roles')}>
            {ROLES.map((role) => {
              // Removing one's own admin role could leave nobody to manage users; the API refuses it too.
              const locked = isSelf && role === 'admin';
              return (
                <label key={role} className="checkbox" title={locked ? t('users.cannotRemoveOwnAdmin') : undefined}>
                  <input
                    type="checkbox"
                    checked={editedRoles.includes(role)}
                    disabled={saving || locked}
                    onChange={(event) => toggleRole(role, event.target.checked)}
                    data-testid={`user-role-${role}`}
                  />
                  <span>{t(`roles.${role}`)}</span>
                </label>
              );
            })}
          </fieldset>
        )}
      </td>
      <td>
        <span className={`badge ${user.disabled ? 'health-failing' : 'health-ok'}`}>
          {user.disabled ? t('users.disabled') : t('users.active')}
        </span>
        {user.mustChangePassword && (
          <span className="badge" data-testid="user-must-change">
            {t('users.mustChange')}
          </span>
        )}
      </td>
      <td>
        <DateTime value={user.createdAt} fallback={t('common.notAvailable')} />
      </td>
      <td>
        <div className="form-actions">
          {editedRoles === null ? (
            <button type="button" onClick={() => setEditedRoles(user.roles)} disabled={saving} data-testid="user-edit-roles">
              {t('users.editRoles')}
            </button>
          ) : (
            <>
              <button type="button" className="primary" onClick={saveRoles} disabled={saving || editedRoles.length === 0} data-testid="user-save-roles">
                {t('users.saveRoles')}
              </button>
              <button type="button" onClick={() => setEditedRoles(null)} disabled={saving} data-testid="user-cancel-roles">
                {t('users.cancel')}
              </button>
            </>
          )}
          {!isSelf && (
            <button type="button" onClick={() => setResetting(true)} disabled={saving} data-testid="user-reset-password">
              {t('users.resetPassword')}
            </button>
          )}
          <button
            type="button"
            onClick={handleToggle}
            // Disabling one's own account would end the session and could leave no admin to undo it.
            disabled={saving || (isSelf && !user.disabled)}
            title={isSelf ? t('users.cannotDisableSelf') : undefined}
            data-testid="user-toggle"
          >
            {user.disabled ? t('users.enable') : t('users.disable')}
          </button>
        </div>
        {resetting && (
          <ResetPasswordDialog
            user={user}
            onClose={(reset) => {
              setResetting(false);
              if (reset) onChanged({ kind: 'success', text: t('users.reset.done', { name: user.username }) });
            }}
          />
        )}
      </td>
    </tr>
  );
}
