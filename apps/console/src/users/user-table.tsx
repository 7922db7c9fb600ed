import type { UserView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import type { NoticeMessage } from '../shared/notice';
import { UserRow } from './user-row';

interface UserTableProps {
  users: UserView[];
  onChanged: (notice: NoticeMessage) => void;
}

export function UserTable({ users, onChanged }: UserTableProps) {
  const { t } = useTranslation();
  if (users.length === 0) return <p className="state">{t('users.empty')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.roles')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.createdAt')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
