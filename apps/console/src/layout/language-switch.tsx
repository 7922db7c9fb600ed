import { useTranslation } from 'react-i18next';
import { setLanguage, toLanguage } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = toLanguage(i18n.language) === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="lang-switch"
      onClick={() => setLanguage(next)}
      aria-label={t('language.switch')}
      title={t('language.switch')}
      data-testid="lang-switch"
    >
      {next.toUpperCase()}
    </button>
  );
}
