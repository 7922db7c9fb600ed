import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listSources } from '../api/sources-api';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { Notice, type NoticeMessage } from '../shared/notice';
import { useResource } from '../shared/use-resource';
import { SourceForm } from './source-form';
import { SourceTable } from './source-table';

export function SourcesPage() {
  const { t } = useTranslation();
  const sources = useResource((signal) => listSources(signal), []);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('sources.title')}</h1>
        <button type="button" onClick={sources.reload} disabled={sources.loading}>
          {t('common.refresh')}
        </button>
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <div aria-busy={sources.loading}>
        {sources.error !== undefined ? (
          <ErrorState error={sources.error} onRetry={sources.reload} />
        ) : !sources.data ? (
          <LoadingState />
        ) : (
          <SourceTable sources={sources.data} onNotice={setNotice} />
        )}
      </div>
      <SourceForm
        onCreated={(source) => {
          setNotice({ kind: 'success', text: t('sources.form.created', { name: source.name }) });
          sources.reload();
        }}
      />
    </section>
  );
}
