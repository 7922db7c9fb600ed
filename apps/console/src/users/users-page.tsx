import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers } from '../api/users-api';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { Notice, type NoticeMessage } from '../shared/notice';
import { useResource } from '../shared/use-resource';
import { UserForm } from './user-form';
import { UserTable } from './user-table';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useResource((signal) => listUsers(signal), []);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  function showAndReload(message: NoticeMessage) {
    setNotice(message);
    users.reload();
  }

  return (
    <section className="page">
      <h1>{t('users.title')}</h1>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <div aria-busy={users.loading}>
        {users.error !== undefined ? (
          <ErrorState error={users.error} onRetry={users.reload} />
        ) : !users.data ? (
          <LoadingState />
        ) : (
          <UserTable users={users.data} onChanged={showAndReload} />
        )}
      </div>
      <UserForm onCreated={(user) => showAndReload({ kind: 'success', text: t('users.form.created', { name: user.username }) })} />
    </section>
  );
}
