import type { ItemEventKind, ItemEventView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { snapshotUrl } from '../api/items-api';
import { DateTime } from '../shared/date-time';

const KIND_KEYS = {
  'item.changed': 'item.eventKind.changed',
  'item.removed': 'item.eventKind.removed',
} as const satisfies Record<ItemEventKind, string>;

/** A silent edit or takedown changes what may be quoted, so any event turns this block into a warning. */
export function ItemEvents({ itemId, events }: { itemId: string; events: ItemEventView[] }) {
  const { t, i18n } = useTranslation();
  const hasEvents = events.length > 0;
  return (
    <section className={hasEvents ? 'item-events warning' : 'item-events'} aria-labelledby="item-events-title" data-testid="item-events">
      <h2 id="item-events-title">{t('item.events')}</h2>
      {!hasEvents ? (
        <p className="muted">{t('item.noEvents')}</p>
      ) : (
        <>
          <p className="warning-lead">
            <strong>{t('item.eventsWarning')}</strong>
          </p>
          <ol className="event-list">
            {events.map((event, index) => (
              <li key={`${event.at}-${index}`} className={`event event-${event.kind === 'item.removed' ? 'removed' : 'changed'}`} data-testid="item-event">
                <span className="badge event-kind">{t(KIND_KEYS[event.kind])}</span> <DateTime value={event.at} fallback={t('common.notAvailable')} />
                <p className="event-detail">{t(`item.eventReason.${event.reason}`, { ...event.params })}</p>
                {event.snapshotId && (
                  <a href={snapshotUrl(itemId, event.snapshotId, i18n.language)} target="_blank" rel="noopener noreferrer">
                    {t('item.viewSnapshot')}
                  </a>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
