import { DIGEST_SEVERITIES, type DigestView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n/i18n';

/**
 * The lower tier of delivery: high, medium and low flags are not pushed one by one but summed up once per period.
 * The latest digests, the period in Vietnam time, counts per severity and the most urgent flags.
 */
export function DigestPanel({ digests }: { digests: DigestView[] }) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
  return (
    <details className="digest-panel" data-testid="digest-panel">
      <summary>
        {t('live.digest.title')} <span className="muted small">({digests.length ? t('live.digest.latestCount', { count: digests[0]!.flagCount }) : t('live.digest.none')})</span>
      </summary>
      <p className="muted small">{t('live.digest.hint')}</p>
      {digests.map((digest) => (
        <section key={digest.id} className="digest" data-testid="digest" data-digest-id={digest.id}>
          <h3>{t('live.digest.period', { start: time.format(new Date(digest.periodStart)), end: time.format(new Date(digest.periodEnd)) })}</h3>
          <p data-testid="digest-counts">
            {DIGEST_SEVERITIES.map((severity) => t('live.digest.severityCount', { severity: t(`rules.severity.${severity}`), count: digest.bySeverity[severity] })).join(' · ')}
          </p>
          <ol>
            {digest.flags.map((flag) => (
              <li key={flag.id}>
                <a href={flag.url} target="_blank" rel="noopener noreferrer">
                  {flag.title}
                </a>{' '}
                <span className="muted small">
                  {flag.ruleName} · {t('live.digest.items', { count: flag.itemCount })}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </details>
  );
}
