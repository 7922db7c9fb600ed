import type { SourceView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchSourceNow, updateSource } from '../api/sources-api';
import { dateLocale } from '../i18n/i18n';
import { DateTime } from '../shared/date-time';
import { useErrorMessage } from '../shared/error-message';
import { ExternalLink } from '../shared/external-link';
import type { NoticeMessage } from '../shared/notice';
import { DailySparkline } from './daily-sparkline';
import { HealthStatus } from './health-status';

interface SourceRowProps {
  source: SourceView;
  /** False hides the actions column: the API would refuse them for this user. */
  canManage: boolean;
  /** Admins only: shows the remove button. */
  canRemove: boolean;
  onNotice: (notice: NoticeMessage) => void;
  onChanged: (updated: SourceView) => void;
  onEdit: (source: SourceView) => void;
  onRemove: (source: SourceView) => void;
}

export function SourceRow({ source, canManage, canRemove, onNotice, onChanged, onEdit, onRemove }: SourceRowProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState<'fetch' | 'pause' | null>(null);
  const itemsPerDay = new Intl.NumberFormat(dateLocale(i18n.language), { maximumFractionDigits: 1 }).format(source.health.itemsPerDay);

  async function handleFetch() {
    setBusy('fetch');
    try {
      await fetchSourceNow(source.id);
      onNotice({ kind: 'success', text: t('sources.fetchRequested', { name: source.name }) });
    } catch (error) {
      onNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  }

  async function handleTogglePause() {
    setBusy('pause');
    try {
      const updated = await updateSource(source.id, { paused: !source.paused });
      const key = updated.paused ? 'sources.pausedNotice' : 'sources.resumedNotice';
      onNotice({ kind: 'success', text: t(key, { name: updated.name }) });
      onChanged(updated);
    } catch (error) {
      onNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    // The id is the target of links to this source (e.g. from "this address is already a source").
    <tr id={`source-${source.id}`} className={source.paused ? 'source-paused' : undefined} data-testid="source-row">
      <td>
        <div className="source-name">{source.name}</div>
        {source.tags.length > 0 && (
          <ul className="tags" aria-label={t('sources.tags')}>
            {source.tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
        )}
        <div className="muted small">{t('sources.weight', { weight: source.weight })}</div>
      </td>
      <td className="break">
        <ExternalLink href={source.url}>{source.url}</ExternalLink>
      </td>
      <td>
        {t(`sources.kinds.${source.kind}`)}
        {source.languageHint && <div className="muted small">{t(`sources.languages.${source.languageHint}`)}</div>}
      </td>
      <td className="numeric">
        {t('sources.seconds', { count: source.pollIntervalSec })}
        <div className="muted small">
          {t('sources.intervalRange', { min: source.minPollIntervalSec, max: source.maxPollIntervalSec })}
        </div>
      </td>
      <td>
        <HealthStatus source={source} />
      </td>
      <td className="activity">
        <span className="items-per-day" title={t('sources.itemsPerDayHint')} data-testid="source-items-per-day">
          {itemsPerDay}
        </span>
        <DailySparkline counts={source.health.dailyItemCounts} />
      </td>
      <td>
        <DateTime value={source.lastFetchedAt} fallback={t('sources.never')} />
      </td>
      {canManage && (
        <td>
          <div className="row-actions">
            <button
              type="button"
              onClick={handleFetch}
              disabled={busy !== null}
              aria-label={t('sources.fetchNowFor', { name: source.name })}
              data-testid="source-fetch"
            >
              {busy === 'fetch' ? t('sources.fetching') : t('sources.fetchNow')}
            </button>
            <button
              type="button"
              onClick={handleTogglePause}
              disabled={busy !== null}
              aria-label={t(source.paused ? 'sources.resumeFor' : 'sources.pauseFor', { name: source.name })}
              data-testid="source-pause"
            >
              {source.paused ? t('sources.resume') : t('sources.pause')}
            </button>
            <button
              type="button"
              onClick={() => onEdit(source)}
              disabled={busy !== null}
              aria-label={t('sources.editFor', { name: source.name })}
              data-testid="source-edit"
            >
              {t('sources.edit')}
            </button>
            {canRemove && (
              <button
                type="button"
                className="danger"
                onClick={() => onRemove(source)}
                disabled={busy !== null}
                aria-label={t('sources.removeFor', { name: source.name })}
                data-testid="source-remove"
              >
                {t('sources.remove')}
              </button>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}
