import type { DraftExportFormat, DraftStatus } from '@vigil/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportDraft } from '../api/drafts-api';
import { useErrorMessage } from '../shared/error-message';

interface DraftExportsProps {
  draftId: string;
  status: DraftStatus;
  /** The latest version: an export shown for an older one is cleared. */
  version: number;
}

/** The draft as text, Markdown or HTML with numbered references (and ClaimReview JSON-LD once published), to copy. */
export function DraftExports({ draftId, status, version }: DraftExportsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [shown, setShown] = useState<{ format: DraftExportFormat; version: number; content: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const result = useRef<HTMLTextAreaElement>(null);
  const formats: DraftExportFormat[] = status === 'published' ? ['text', 'markdown', 'html', 'claimreview'] : ['text', 'markdown', 'html'];

  async function show(format: DraftExportFormat) {
    setError(null);
    setCopied(false);
    try {
      setShown({ format, version, content: await exportDraft(draftId, format) });
    } catch (caught) {
      setError(caught);
    }
  }

  async function copy(content: string) {
    try {
      await navigator.clipboard.writeText(content);
      setCopied(true);
    } catch {
      // The Clipboard API needs a secure context (a console over plain HTTP has none): copy the selected text instead.
      result.current?.select();
      setCopied(document.execCommand('copy'));
    }
  }

  const current = shown && shown.version === version ? shown : null;
  return (
    <section className="card draft-exports" aria-labelledby="draft-exports-title" data-testid="draft-exports">
      <h2 id="draft-exports-title">{t('drafts.exports.title')}</h2>
      <div className="form-actions" role="group" aria-label={t('drafts.exports.title')}>
        {formats.map((format) => (
          <button key={format} type="button" aria-pressed={current?.format === format} onClick={() => void show(format)} data-testid={`draft-export-${format}`}>
            {t(`drafts.exports.format.${format}`)}
          </button>
        ))}
      </div>
      {error !== null && (
        <p className="form-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {current && (
        <div className="draft-export-result">
          <textarea ref={result} readOnly value={current.content} rows={12} aria-label={t(`drafts.exports.format.${current.format}`)} data-testid="draft-export-content" data-format={current.format} />
          <div className="form-actions">
            <button type="button" onClick={() => void copy(current.content)} data-testid="draft-export-copy">
              {t('drafts.exports.copy')}
            </button>
            {copied && (
              <span role="status" className="muted" data-testid="draft-export-copied">
                {t('drafts.exports.copied')}
              </span>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
