import type { SourceView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import type { NoticeMessage } from '../shared/notice';
import { SourceRow } from './source-row';

interface SourceTableProps {
  sources: SourceView[];
  canManage: boolean;
  canRemove: boolean;
  onNotice: (notice: NoticeMessage) => void;
  onChanged: (updated: SourceView) => void;
  onEdit: (source: SourceView) => void;
  onRemove: (source: SourceView) => void;
}

export function SourceTable({ sources, canManage, canRemove, onNotice, onChanged, onEdit, onRemove }: SourceTableProps) {
  const { t } = useTranslation();
  if (sources.length === 0) {
    return (
      <p className="state" data-testid="sources-empty">
        {t('sources.empty')}
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('sources.name')}</th>
            <th scope="col">{t('sources.url')}</th>
            <th scope="col">{t('sources.kind')}</th>
            <th scope="col">{t('sources.interval')}</th>
            <th scope="col">{t('sources.health')}</th>
            <th scope="col" title={t('sources.itemsPerDayHint')}>
              {t('sources.itemsPerDay')}
            </th>
            <th scope="col">{t('sources.lastFetchedAt')}</th>
            {canManage && <th scope="col">{t('sources.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <SourceRow
              key={source.id}
              source={source}
              canManage={canManage}
              canRemove={canRemove}
              onNotice={onNotice}
              onChanged={onChanged}
              onEdit={onEdit}
              onRemove={onRemove}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
