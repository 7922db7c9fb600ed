import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useMatch } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../auth/auth-context';
import { ChangePasswordDialog } from '../auth/change-password-dialog';
import { TwoFactorDialog } from '../auth/two-factor-dialog';
import { useErrorMessage } from '../shared/error-message';
import { AdminMenu } from './admin-menu';
import { LanguageSwitch } from './language-switch';
import { MentionNotifications } from './mention-notifications';

export function AppShell() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const user = useCurrentUser();
  const errorMessage = useErrorMessage();
  const onItemDetail = useMatch('/items/:id') !== null;
  const onStory = useMatch('/stories/:id') !== null;
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const [changingPassword, setChangingPassword] = useState(false);
  const [managingTwoFactor, setManagingTwoFactor] = useState(false);
  // The API lets admins and leaders enrol; the others have nothing to manage here.
  const mayUseTwoFactor = user.roles.includes('admin') || user.roles.includes('leader');

  function handleLogout() {
    setLogoutError(null);
    signOut().catch((error: unknown) => setLogoutError(t('shell.logoutFailed', { message: errorMessage(error) })));
  }

  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')} className="nav">
          <NavLink to="/live" className={({ isActive }) => (isActive || onStory ? 'active' : undefined)} data-testid="nav-live">
            {t('nav.live')}
          </NavLink>
          <NavLink to="/cases" data-testid="nav-cases">
            {t('nav.cases')}
          </NavLink>
          <NavLink to="/handover" data-testid="nav-handover">
            {t('insights.navHandover')}
          </NavLink>
          <NavLink to="/dashboard" data-testid="nav-dashboard">
            {t('insights.navDashboard')}
          </NavLink>
          <NavLink to="/" end className={({ isActive }) => (isActive || onItemDetail ? 'active' : undefined)} data-testid="nav-items">
            {t('nav.items')}
          </NavLink>
          <NavLink to="/sources" data-testid="nav-sources">
            {t('nav.sources')}
          </NavLink>
          <NavLink to="/rules" data-testid="nav-rules">
            {t('nav.rules')}
          </NavLink>
          <NavLink to="/facts" data-testid="nav-facts">
            {t('nav.facts')}
          </NavLink>
          {user.roles.includes('admin') && <AdminMenu />}
        </nav>
        <div className="topbar-end">
          <span className="current-user" title={`${t('shell.currentUser')}: ${user.username}`} data-testid="current-user">
            {user.displayName}
          </span>
          <button type="button" onClick={() => setChangingPassword(true)} data-testid="change-password-open">
            {t('shell.changePassword')}
          </button>
          {mayUseTwoFactor && (
            <button type="button" onClick={() => setManagingTwoFactor(true)} data-testid="two-factor-open">
              {t('shell.twoFactor')}
            </button>
          )}
          <LanguageSwitch />
          <button type="button" onClick={handleLogout} data-testid="logout">
            {t('shell.logout')}
          </button>
        </div>
      </header>
      {logoutError && (
        <p className="banner-error" role="alert">
          {logoutError}
        </p>
      )}
      {/* Outside the header, whose colours and button styles are meant for the dark bar. */}
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
      {managingTwoFactor && <TwoFactorDialog onClose={() => setManagingTwoFactor(false)} />}
      <MentionNotifications />
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
