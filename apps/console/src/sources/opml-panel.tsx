import type { OpmlImportResult } from '@vigil/contracts';
import { useId, useRef, useState, type ChangeEvent } from 'react';
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
  const fileNameId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<OpmlImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Importing on selection: choosing the file is the deliberate act, and the result lists every skipped entry.
  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setFileName(file.name);
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
          // The browser words its own file input in the browser's language ("Choose File"); this button and file name
          // follow the console's, and the hidden input only opens the file chooser.
          <div className="field opml-import" role="group" aria-labelledby={`${hintId}-label`}>
            <span id={`${hintId}-label`}>{t('opml.import')}</span>
            <input
              ref={input}
              type="file"
              accept=".opml,.xml,text/x-opml,text/xml,application/xml"
              onChange={handleFile}
              disabled={importing}
              hidden
              tabIndex={-1}
              data-testid="opml-import-input"
            />
            <span className="file-picker">
              <button
                type="button"
                onClick={() => input.current?.click()}
                disabled={importing}
                aria-describedby={`${fileNameId} ${hintId}`}
                data-testid="opml-import-choose"
              >
                {t('opml.choose')}
              </button>
              <span id={fileNameId} className="muted file-name" data-testid="opml-import-file-name">
                {fileName ?? t('opml.noFile')}
              </span>
            </span>
            <small id={hintId} className="muted">
              {importing ? t('opml.importing') : t('opml.importHint')}
            </small>
          </div>
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
