import type { UserView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateUser } from '../api/users-api';
import { useCurrentUser } from '../auth/auth-context';
import { DateTime } from '../shared/date-time';
import { useErrorMessage } from '../shared/error-message';
import type { NoticeMessage } from '../shared/notice';

interface UserRowProps {
  user: UserView;
  onChanged: (notice: NoticeMessage) => void;
}

export function UserRow({ user, onChanged }: UserRowProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const isSelf = useCurrentUser().id === user.id;
  const [saving, setSaving] = useState(false);

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

  return (
    <tr data-testid="user-row">
      <td>{user.username}</td>
      <td>{user.displayName}</td>
      <td>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
      <td>
        <span className={`badge ${user.disabled ? 'health-failing' : 'health-ok'}`}>
          {user.disabled ? t('users.disabled') : t('users.active')}
        </span>
      </td>
      <td>
        <DateTime value={user.createdAt} fallback={t('common.notAvailable')} />
      </td>
      <td>
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
      </td>
    </tr>
  );
}
