import type { SnapshotInfo } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { snapshotUrl } from '../api/items-api';
import { dateLocale } from '../i18n/i18n';
import { DateTime } from '../shared/date-time';
import { ExternalLink } from '../shared/external-link';

const HASH_PREFIX_LENGTH = 12;

/**
 * Archived copies, first one first. "View" opens the API's sanitised copy in a new tab (no scripts, no external
 * loads), never the live page, which may since have changed.
 */
export function ItemSnapshots({ itemId, snapshots }: { itemId: string; snapshots: SnapshotInfo[] }) {
  const { t, i18n } = useTranslation();
  const timeFormat = new Intl.DateTimeFormat(dateLocale(i18n.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  return (
    <section aria-labelledby="item-snapshots-title" data-testid="item-snapshots">
      <h2 id="item-snapshots-title">{t('item.snapshots')}</h2>
      {snapshots.length === 0 ? (
        <p className="muted">{t('item.noSnapshots')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('item.snapshotFetchedAt')}</th>
                <th scope="col">{t('item.snapshotStatus')}</th>
                <th scope="col">{t('item.snapshotFinalUrl')}</th>
                <th scope="col">{t('item.snapshotHash')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('item.viewSnapshot')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((snapshot, index) => (
                <tr key={snapshot.id} data-testid="item-snapshot">
                  <td>
                    <DateTime value={snapshot.fetchedAt} fallback={t('common.notAvailable')} />
                    {index === 0 && snapshots.length > 1 && <span className="muted"> ({t('item.snapshotFirst')})</span>}
                  </td>
                  <td className={snapshot.httpStatus >= 400 ? 'numeric status-error' : 'numeric'}>{snapshot.httpStatus}</td>
                  <td className="break">
                    <ExternalLink href={snapshot.finalUrl}>{snapshot.finalUrl}</ExternalLink>
                  </td>
                  <td>
                    <code title={snapshot.contentHash}>{snapshot.contentHash.slice(0, HASH_PREFIX_LENGTH)}</code>
                  </td>
                  <td>
                    <a
                      href={snapshotUrl(itemId, snapshot.id, i18n.language)}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={t('item.viewSnapshotAt', { time: formatTime(timeFormat, snapshot.fetchedAt) })}
                      data-testid="item-snapshot-link"
                    >
                      {t('item.viewSnapshot')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function formatTime(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
