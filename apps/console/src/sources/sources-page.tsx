import type { SourceView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listSources } from '../api/sources-api';
import { useCurrentUser } from '../auth/auth-context';
import { canManageSources, canRemoveSources } from '../auth/permissions';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { Notice, successNotice, type NoticeMessage, type NoticePart } from '../shared/notice';
import { useResource } from '../shared/use-resource';
import { OpmlPanel } from './opml-panel';
import { SourceEditDialog } from './source-edit-dialog';
import { SourceRemoveDialog } from './source-remove-dialog';
import { SourceForm } from './source-form';
import { SourceTable } from './source-table';

export function SourcesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canManage = canManageSources(user);
  const canRemove = canRemoveSources(user);
  const sources = useResource((signal) => listSources(signal), []);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [editing, setEditing] = useState<SourceView | null>(null);
  const [removing, setRemoving] = useState<SourceView | null>(null);

  // A mutation answers with the new row: show it at once rather than waiting for a reload.
  function showUpdated(updated: SourceView) {
    if (sources.data) sources.replace(sources.data.map((source) => (source.id === updated.id ? updated : source)));
  }

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('sources.title')}</h1>
        <button type="button" onClick={sources.reload} disabled={sources.loading}>
          {t('common.refresh')}
        </button>
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <div className="busy-region" aria-busy={sources.loading}>
        {sources.error !== undefined ? (
          <ErrorState error={sources.error} onRetry={sources.reload} />
        ) : !sources.data ? (
          <LoadingState />
        ) : (
          <SourceTable
            sources={sources.data}
            canManage={canManage}
            canRemove={canRemove}
            onNotice={setNotice}
            onChanged={showUpdated}
            onEdit={setEditing}
            onRemove={setRemoving}
          />
        )}
      </div>
      {editing && (
        <SourceEditDialog
          source={editing}
          onClose={(saved) => {
            setEditing(null);
            if (!saved) return;
            showUpdated(saved);
            setNotice(successNotice('sources.editDialog.saved', { name: saved.name }));
          }}
        />
      )}
      {removing && (
        <SourceRemoveDialog
          source={removing}
          onClose={(removed) => {
            const { name } = removing;
            setRemoving(null);
            if (!removed) return;
            if (sources.data) sources.replace(sources.data.filter((source) => source.id !== removed.id));
            setNotice(removed.deletedItems > 0 ? successNotice('sources.removedWithItems', { name, count: removed.deletedItems }) : successNotice('sources.removed', { name }));
          }}
        />
      )}
      {canManage && (
        <SourceForm
          onCreated={(source, requested) => {
            const parts: NoticePart[] = [{ key: 'sources.form.created', values: { name: source.name } }];
            if (requested.kind === 'auto') parts.push({ key: 'sources.form.detected', values: { kind: { key: `sources.kinds.${source.kind}` } } });
            if (requested.kind === 'auto' && source.url !== requested.url) parts.push({ key: 'sources.form.discovered', values: { url: source.url } });
            setNotice({ kind: 'success', parts });
            sources.reload();
          }}
        />
      )}
      <OpmlPanel canImport={canManage} onImported={() => sources.reload()} />
    </section>
  );
}
