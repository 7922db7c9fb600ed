import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useMatch } from 'react-router-dom';

/**
 * The admins' pages behind one entry, so the top bar stays one row on a laptop (the items list's compact mode counts
 * on that height). A disclosure, not a custom popup: it opens by click or keyboard, and choosing a page closes it.
 */
export function AdminMenu() {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const onAdminPage = [useMatch('/users'), useMatch('/webhooks'), useMatch('/sla-policy'), useMatch('/templates')].some((match) => match !== null);
  const close = () => menu.current?.removeAttribute('open');
  return (
    <details ref={menu} className="nav-menu">
      <summary className={onAdminPage ? 'active' : undefined} data-testid="nav-admin">
        {t('nav.admin')}
      </summary>
      <div className="nav-menu-items">
        <NavLink to="/users" onClick={close} data-testid="nav-users">
          {t('nav.users')}
        </NavLink>
        <NavLink to="/webhooks" onClick={close} data-testid="nav-webhooks">
          {t('nav.webhooks')}
        </NavLink>
        <NavLink to="/sla-policy" onClick={close} data-testid="nav-sla-policy">
          {t('nav.slaPolicy')}
        </NavLink>
        <NavLink to="/templates" onClick={close} data-testid="nav-templates">
          {t('nav.templates')}
        </NavLink>
      </div>
    </details>
  );
}
