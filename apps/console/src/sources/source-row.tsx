import type { SourceView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchSourceNow } from '../api/sources-api';
import { DateTime } from '../shared/date-time';
import { useErrorMessage } from '../shared/error-message';
import { ExternalLink } from '../shared/external-link';
import type { NoticeMessage } from '../shared/notice';
import { HealthStatus } from './health-status';

interface SourceRowProps {
  source: SourceView;
  onNotice: (notice: NoticeMessage) => void;
}

export function SourceRow({ source, onNotice }: SourceRowProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [fetching, setFetching] = useState(false);

  async function handleFetch() {
    setFetching(true);
    try {
      await fetchSourceNow(source.id);
      onNotice({ kind: 'success', text: t('sources.fetchRequested', { name: source.name }) });
    } catch (error) {
      onNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setFetching(false);
    }
  }

  return (
    <tr data-testid="source-row">
      <td>{source.name}</td>
      <td className="break">
        <ExternalLink href={source.url}>{source.url}</ExternalLink>
      </td>
      <td>{t(`sources.kinds.${source.kind}`)}</td>
      <td className="numeric">{t('sources.seconds', { count: source.pollIntervalSec })}</td>
      <td>
        <HealthStatus health={source.health} />
      </td>
      <td>
        <DateTime value={source.lastFetchedAt} fallback={t('sources.never')} />
      </td>
      <td>
        <button
          type="button"
          onClick={handleFetch}
          disabled={fetching}
          aria-label={t('sources.fetchNowFor', { name: source.name })}
          data-testid="source-fetch"
        >
          {fetching ? t('sources.fetching') : t('sources.fetchNow')}
        </button>
      </td>
    </tr>
  );
}
