import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n/i18n';

/** A signing secret just generated: shown this once, with how long the replaced one still signs. */
export function SecretShownOnce({ secret, previousValidUntil, onDone }: { secret: string; previousValidUntil: string | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
  return (
    <div className="notice notice-success webhook-secret" role="status" data-testid="webhook-secret">
      <strong>{t('webhooks.secret.title')}</strong>
      <p>{t('webhooks.secret.body')}</p>
      <code data-testid="webhook-secret-value">{secret}</code>
      {previousValidUntil && (
        <p data-testid="webhook-secret-grace">
          {t('webhooks.secret.grace', { until: format.format(new Date(previousValidUntil)) })}
        </p>
      )}
      <button type="button" onClick={onDone} data-testid="webhook-secret-done">
        {t('webhooks.secret.done')}
      </button>
    </div>
  );
}
