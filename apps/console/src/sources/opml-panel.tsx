import type { OpmlImportResult } from '@vigil/contracts';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importOpml, SOURCES_EXPORT_URL } from '../api/sources-api';
import { useErrorCodeText } from '../i18n/error-codes';
import { useErrorMessage } from '../shared/error-message';

interface OpmlPanelProps {
  /** False leaves only the export: the API would refuse an import from this user. */
  canImport: boolean;
  onImported: (result: OpmlImportResult) => void;
}

export function OpmlPanel({ canImport, onImported }: OpmlPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const codeText = useErrorCodeText();
  const hintId = useId();
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<OpmlImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Importing on selection: choosing the file is the deliberate act, and the result lists every skipped entry.
  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setImporting(true);
    setResult(null);
    setError(null);
    try {
      let text: string;
      try {
        text = await file.text();
      } catch {
        setError(t('opml.readFailed'));
        return;
      }
      const imported = await importOpml(text);
      setResult(imported);
      onImported(imported);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setImporting(false);
      // Lets the same file be chosen again, e.g. after fixing a source the API refused.
      input.value = '';
    }
  }

  return (
    <section className="card" aria-labelledby="opml-title">
      <h2 id="opml-title">{t('opml.title')}</h2>
      <div className="opml-actions">
        {canImport && (
          <label className="field opml-import">
            <span>{t('opml.import')}</span>
            <input
              type="file"
              accept=".opml,.xml,text/x-opml,text/xml,application/xml"
              onChange={handleFile}
              disabled={importing}
              aria-describedby={hintId}
              data-testid="opml-import-input"
            />
            <small id={hintId} className="muted">
              {importing ? t('opml.importing') : t('opml.importHint')}
            </small>
          </label>
        )}
        <a className="button-link" href={SOURCES_EXPORT_URL} download data-testid="opml-export">
          {t('opml.export')}
        </a>
      </div>
      <div role="status" aria-live="polite">
        {result && (
          <div className="opml-result" data-testid="opml-import-result">
            <p>{t('opml.created', { count: result.created })}</p>
            {result.skipped.length > 0 && (
              <>
                <p>{t('opml.skipped', { count: result.skipped.length })}</p>
                <ul className="opml-skipped">
                  {result.skipped.map((entry, index) => (
                    <li key={`${index}-${entry.url}`}>
                      <span className="break">{entry.url || t('common.notAvailable')}</span>: {codeText.code(entry.code)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="opml-import-error">
          {error}
        </p>
      )}
    </section>
  );
}
