import type { SourceKindRequest } from '@vigil/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageHintChoice, SourceDraft } from './source-draft';

const MIN_INTERVAL_MIN = 1;
const LANGUAGE_HINTS: LanguageHintChoice[] = ['', 'vi', 'en'];

interface SourceFieldsProps {
  draft: SourceDraft;
  onChange: (changes: Partial<SourceDraft>) => void;
  kinds: readonly SourceKindRequest[];
  /** `source-form` or `source-edit`: both forms can be on screen at once, so their test ids must differ. */
  testIdPrefix: string;
  advancedOpen: boolean;
}

/** The fields shared by the create form and the edit dialog. */
export function SourceFields({ draft, onChange, kinds, testIdPrefix, advancedOpen }: SourceFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const testId = (field: string) => `${testIdPrefix}-${field}`;

  return (
    <>
      <div className="form-grid">
        <label className="field">
          <span>{t('sources.form.name')}</span>
          <input value={draft.name} onChange={(event) => onChange({ name: event.target.value })} required data-testid={testId('name')} />
        </label>
        <label className="field">
          <span>{t('sources.form.url')}</span>
          <input
            type="url"
            inputMode="url"
            placeholder="https://"
            value={draft.url}
            onChange={(event) => onChange({ url: event.target.value })}
            required
            aria-describedby={`${id}-url-hint`}
            data-testid={testId('url')}
          />
          <small id={`${id}-url-hint`} className="muted">
            {t('sources.form.urlHint')}
          </small>
        </label>
        <label className="field">
          <span>{t('sources.form.kind')}</span>
          <select
            value={draft.kind}
            onChange={(event) => onChange({ kind: event.target.value as SourceKindRequest })}
            data-testid={testId('kind')}
          >
            {kinds.map((option) => (
              <option key={option} value={option}>
                {t(`sources.kinds.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('sources.form.interval')}</span>
          <input
            type="number"
            min={MIN_INTERVAL_MIN}
            step="any"
            inputMode="decimal"
            value={draft.pollIntervalMin}
            onChange={(event) => onChange({ pollIntervalMin: event.target.value })}
            aria-describedby={`${id}-interval-hint`}
            data-testid={testId('interval')}
          />
          <small id={`${id}-interval-hint`} className="muted">
            {t('sources.form.intervalHint')}
          </small>
        </label>
        {draft.kind === 'web' && (
          <>
            <label className="field">
              <span>{t('sources.form.linkPattern')}</span>
              <input
                value={draft.linkPattern}
                onChange={(event) => onChange({ linkPattern: event.target.value })}
                spellCheck={false}
                aria-describedby={`${id}-pattern-hint`}
                data-testid={testId('link-pattern')}
              />
              <small id={`${id}-pattern-hint`} className="muted">
                {t('sources.form.linkPatternHint')}
              </small>
            </label>
            <label className="field">
              <span>{t('sources.form.linkSelector')}</span>
              <input
                value={draft.linkSelector}
                onChange={(event) => onChange({ linkSelector: event.target.value })}
                spellCheck={false}
                aria-describedby={`${id}-selector-hint`}
                data-testid={testId('link-selector')}
              />
              <small id={`${id}-selector-hint`} className="muted">
                {t('sources.form.linkSelectorHint')}
              </small>
            </label>
          </>
        )}
      </div>
      <details className="advanced" open={advancedOpen}>
        <summary data-testid={testId('advanced')}>{t('sources.form.advanced')}</summary>
        <div className="form-grid">
          <label className="field">
            <span>{t('sources.form.minInterval')}</span>
            <input
              type="number"
              min={MIN_INTERVAL_MIN}
              step="any"
              inputMode="decimal"
              value={draft.minPollIntervalMin}
              onChange={(event) => onChange({ minPollIntervalMin: event.target.value })}
              aria-describedby={`${id}-bounds-hint`}
              data-testid={testId('min-interval')}
            />
          </label>
          <label className="field">
            <span>{t('sources.form.maxInterval')}</span>
            <input
              type="number"
              min={MIN_INTERVAL_MIN}
              step="any"
              inputMode="decimal"
              value={draft.maxPollIntervalMin}
              onChange={(event) => onChange({ maxPollIntervalMin: event.target.value })}
              aria-describedby={`${id}-bounds-hint`}
              data-testid={testId('max-interval')}
            />
          </label>
          <label className="field">
            <span>{t('sources.form.languageHint')}</span>
            <select
              value={draft.languageHint}
              onChange={(event) => onChange({ languageHint: event.target.value as LanguageHintChoice })}
              data-testid={testId('language')}
            >
              {LANGUAGE_HINTS.map((option) => (
                <option key={option} value={option}>
                  {t(`sources.languages.${option || 'none'}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('sources.form.weight')}</span>
            <input
              type="number"
              min={0}
              max={100}
              step={1}
              value={draft.weight}
              onChange={(event) => onChange({ weight: event.target.value })}
              aria-describedby={`${id}-weight-hint`}
              data-testid={testId('weight')}
            />
            <small id={`${id}-weight-hint`} className="muted">
              {t('sources.form.weightHint')}
            </small>
          </label>
          <label className="field">
            <span>{t('sources.form.tags')}</span>
            <input value={draft.tags} onChange={(event) => onChange({ tags: event.target.value })} data-testid={testId('tags')} />
          </label>
        </div>
        <p id={`${id}-bounds-hint`} className="muted">
          {t('sources.form.intervalBoundsHint')}
        </p>
      </details>
    </>
  );
}
