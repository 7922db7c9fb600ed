import type { SourceView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

interface SourceFilterProps {
  sources: SourceView[];
  value: string;
  onChange: (sourceId: string) => void;
}

export function SourceFilter({ sources, value, onChange }: SourceFilterProps) {
  const { t } = useTranslation();
  return (
    <label className="inline-field">
      <span>{t('items.sourceFilter')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid="source-filter">
        <option value="">{t('items.allSources')}</option>
        {sources.map((source) => (
          <option key={source.id} value={source.id}>
            {source.name}
          </option>
        ))}
      </select>
    </label>
  );
}
