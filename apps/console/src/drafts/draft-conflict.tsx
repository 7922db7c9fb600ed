import type { DraftDiff, DraftDocument } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDraft } from '../api/drafts-api';
import { useErrorMessage } from '../shared/error-message';
import { DiffView } from './diff-view';
import { plainText } from './draft-document';
import { textDiff } from './text-diff';
import type { SaveConflict } from './use-draft-autosave';

interface DraftConflictProps {
  draftId: string;
  conflict: SaveConflict;
  /** The writer's text as the editor holds it now. */
  mine: () => { title: string; document: DraftDocument };
  onKeepMine: (onTopOf?: number) => Promise<boolean>;
}

/**
 * A save refused because someone saved a newer version: who it was, what differs between their text and the
 * writer's, and saving the writer's on top. The editor is left as it is, so nothing the writer typed is lost.
 */
export function DraftConflict({ draftId, conflict, mine, onKeepMine }: DraftConflictProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [parts, setParts] = useState<DraftDiff['parts'] | null>(null);
  // The version the differences were read against: keeping mine goes on top of what the writer saw.
  const [compared, setCompared] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function showDifferences() {
    setBusy(true);
    setError(null);
    try {
      const latest = await getDraft(draftId);
      setCompared(latest.version);
      const writer = mine();
      setParts(textDiff(`${latest.title}\n${plainText(latest.document)}`, `${writer.title}\n${plainText(writer.document)}`));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function keepMine() {
    setBusy(true);
    setError(null);
    await onKeepMine(compared ?? undefined);
    setBusy(false);
  }

  return (
    <section className="card draft-conflict" role="alert" data-testid="draft-conflict" data-current-version={conflict.currentVersion}>
      <p data-testid="draft-conflict-message">{errorMessage(conflict.error)}</p>
      <div className="form-actions">
        <button type="button" disabled={busy} onClick={() => void showDifferences()} data-testid="draft-conflict-diff">
          {t('drafts.conflict.showDifferences')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void keepMine()} data-testid="draft-conflict-keep-mine">
          {t('drafts.conflict.keepMine', { version: (compared ?? conflict.currentVersion) + 1 })}
        </button>
      </div>
      {parts && (
        <>
          <p className="muted small">{t('drafts.conflict.legend', { version: compared ?? conflict.currentVersion })}</p>
          <DiffView parts={parts} testId="draft-conflict-differences" />
        </>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
    </section>
  );
}
