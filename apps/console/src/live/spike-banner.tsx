import type { SpikeView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { dateLocale } from '../i18n/i18n';

/** "12 items in the hour from 14:00, against a usual 1.5", the hour in Vietnam time. */
export function useSpikeText(): (spike: SpikeView) => string {
  const { t, i18n } = useTranslation();
  const locale = dateLocale(i18n.language);
  const hour = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (spike) => t('live.spike.body', { count: spike.count, baseline: number.format(spike.baseline), time: hour.format(new Date(spike.bucketStart)) });
}

/** Spikes heard since the screen opened, newest first, each dismissible. */
export function SpikeBanners({ spikes, onDismiss }: { spikes: SpikeView[]; onDismiss: (id: string) => void }) {
  const { t } = useTranslation();
  const spikeText = useSpikeText();
  if (spikes.length === 0) return null;
  return (
    <div className="spike-banners">
      {spikes.map((spike) => (
        <div key={spike.id} className="spike-banner" role="alert" data-testid="spike-banner" data-spike-id={spike.id}>
          <span className="badge spike-badge">{t('live.spike.label')}</span>
          <div className="spike-text">
            <strong data-testid="spike-title">
              {spike.subject.kind === 'story' ? (
                <Link to={`/stories/${encodeURIComponent(spike.subject.id)}`}>{t('live.spike.title', { name: spike.subject.name })}</Link>
              ) : (
                t('live.spike.title', { name: spike.subject.name })
              )}
            </strong>{' '}
            <span className="muted small">({t(`live.spike.kind.${spike.subject.kind}`)})</span>
            <div data-testid="spike-body">
              {spikeText(spike)}
            </div>
          </div>
          <button type="button" className="link-button" onClick={() => onDismiss(spike.id)} data-testid="spike-dismiss">
            {t('live.spike.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
