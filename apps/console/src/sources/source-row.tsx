import type { SourceView } from '@vigil/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchSourceNow, updateSource } from '../api/sources-api';
import { dateLocale } from '../i18n/i18n';
import { DateTime } from '../shared/date-time';
import { useFormatDuration } from '../shared/duration';
import { ExternalLink } from '../shared/external-link';
import { errorNotice, successNotice, type NoticeMessage } from '../shared/notice';
import { DailySparkline } from './daily-sparkline';
import { HealthStatus } from './health-status';
import { waitForFetch } from './wait-for-fetch';

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

/** Names the value in the stacked cards of a narrow screen, where the table's header row is hidden. */
function CellLabel({ children }: { children: string }) {
  return <span className="cell-label">{children}: </span>;
}

export function SourceRow({ source, canManage, canRemove, onNotice, onChanged, onEdit, onRemove }: SourceRowProps) {
  const { t, i18n } = useTranslation();
  const formatDuration = useFormatDuration();
  const [busy, setBusy] = useState<'fetch' | 'pause' | null>(null);
  const itemsPerDay = new Intl.NumberFormat(dateLocale(i18n.language), { maximumFractionDigits: 1 }).format(source.health.itemsPerDay);
  // A fetch is followed for up to a minute: by then the page's callbacks may be newer, and the row may be gone.
  const latest = useRef({ onNotice, onChanged });
  latest.current = { onNotice, onChanged };
  const following = useRef<AbortController | null>(null);
  useEffect(() => () => following.current?.abort(), []);

  async function handleFetch() {
    setBusy('fetch');
    const controller = new AbortController();
    following.current = controller;
    const name = source.name;
    try {
      await fetchSourceNow(source.id);
      latest.current.onNotice(successNotice('sources.fetchRequested', { name }));
      const fetched = await waitForFetch(source.id, source.lastFetchedAt, controller.signal);
      if (!fetched) {
        latest.current.onNotice(successNotice('sources.fetchStillQueued', { name }));
        return;
      }
      latest.current.onChanged(fetched);
      latest.current.onNotice(
        fetched.health.lastErrorCode === null ? successNotice('sources.fetchDone', { name }) : { kind: 'error', parts: [{ key: 'sources.fetchFailed', values: { name } }] },
      );
    } catch (error) {
      if (!controller.signal.aborted) latest.current.onNotice(errorNotice(error));
    } finally {
      if (!controller.signal.aborted) setBusy(null);
    }
  }

  async function handleTogglePause() {
    setBusy('pause');
    try {
      const updated = await updateSource(source.id, { paused: !source.paused });
      onNotice(successNotice(updated.paused ? 'sources.pausedNotice' : 'sources.resumedNotice', { name: updated.name }));
      onChanged(updated);
    } catch (error) {
      onNotice(errorNotice(error));
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
        <CellLabel>{t('sources.url')}</CellLabel>
        <ExternalLink href={source.url}>{source.url}</ExternalLink>
      </td>
      <td>
        <CellLabel>{t('sources.kind')}</CellLabel>
        {t(`sources.kinds.${source.kind}`)}
        {source.languageHint && <div className="muted small">{t(`sources.languages.${source.languageHint}`)}</div>}
      </td>
      <td className="numeric">
        <CellLabel>{t('sources.interval')}</CellLabel>
        <span title={t('sources.intervalAdaptiveHint')} data-testid="source-interval">
          {formatDuration(source.pollIntervalSec)}
        </span>
        {source.configuredPollIntervalSec !== source.pollIntervalSec && (
          <div className="muted small" data-testid="source-configured-interval">
            {t('sources.configuredInterval', { interval: formatDuration(source.configuredPollIntervalSec) })}
          </div>
        )}
        <div className="muted small" data-testid="source-interval-range">
          {t('sources.intervalRange', { min: formatDuration(source.minPollIntervalSec), max: formatDuration(source.maxPollIntervalSec) })}
        </div>
      </td>
      <td>
        <CellLabel>{t('sources.health')}</CellLabel>
        <HealthStatus source={source} />
      </td>
      <td className="activity">
        <CellLabel>{t('sources.itemsPerDay')}</CellLabel>
        <span className="items-per-day" title={t('sources.itemsPerDayHint')} data-testid="source-items-per-day">
          {itemsPerDay}
        </span>
        <DailySparkline counts={source.health.dailyItemCounts} />
      </td>
      <td data-testid="source-last-fetched">
        <CellLabel>{t('sources.lastFetchedAt')}</CellLabel>
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
              aria-busy={busy === 'fetch'}
              className={busy === 'fetch' ? 'in-progress' : undefined}
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
