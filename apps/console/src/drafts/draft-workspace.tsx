import type { CaseView, ChannelLimits, DraftCitation, DraftDocument, DraftView } from '@vigil/contracts';
import type { Editor, JSONContent } from '@tiptap/core';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/auth-context';
import { DateTime } from '../shared/date-time';
import { citeSource, type CitationSource } from './citation-drag';
import { canEditDrafts } from './draft-actions';
import { DraftComments } from './draft-comments';
import { DraftConflict } from './draft-conflict';
import { fromEditorContent, plainText, textLength, unmarkedCitations } from './draft-document';
import { DraftEditor } from './draft-editor';
import { DraftExports } from './draft-exports';
import { DraftReview } from './draft-review';
import { DraftVersions } from './draft-versions';
import { EvidencePanel } from './evidence-panel';
import { LengthCounter } from './length-counter';
import { SaveStatus } from './save-status';
import { useDraftAutosave } from './use-draft-autosave';

interface DraftWorkspaceProps {
  initial: DraftView;
  caseView: CaseView;
  limits: ChannelLimits | null;
}

/** The limit the draft's channel (a social post's platform) keeps; the draft's own figure until the limits load. */
function lengthLimit(draft: DraftView, limits: ChannelLimits | null): number | null {
  if (!limits) return draft.lengthLimit;
  if (draft.channel === 'social_post') return draft.platform ? limits.social_post[draft.platform] : null;
  return limits[draft.channel];
}

/** Writing, citing, saving and reviewing one draft. */
export function DraftWorkspace({ initial, caseView, limits }: DraftWorkspaceProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [draft, setDraft] = useState(initial);
  const [title, setTitle] = useState(initial.title);
  const [document, setDocument] = useState<DraftDocument>(initial.document);
  const [editor, setEditor] = useState<Editor | null>(null);
  // Every citation the text may refer to: the draft's own and those cited since it was opened (undo can bring one back).
  const known = useRef<DraftCitation[]>(initial.document.citations);
  const [unmarked] = useState(() => unmarkedCitations(initial.document));
  const latest = useRef({ title, document });
  latest.current = { title, document };
  const autosave = useDraftAutosave(initial, setDraft);
  const editable = canEditDrafts(user) && draft.status !== 'published';

  const onDocumentChange = useCallback(
    (json: JSONContent) => {
      const next = fromEditorContent(json, known.current, unmarked);
      setDocument(next);
      autosave.change({ title: latest.current.title, document: next });
    },
    [autosave.change, unmarked],
  );

  const register = useCallback((source: CitationSource) => {
    const { citation, known: next } = citeSource(known.current, source);
    known.current = next;
    return citation.id;
  }, []);

  const citeAtCursor = (source: CitationSource) => {
    if (!editor) return;
    editor.chain().focus().insertCitation(register(source)).run();
  };

  const onTitleChange = (value: string) => {
    setTitle(value);
    autosave.change({ title: value, document: latest.current.document });
  };

  return (
    <article className="draft-workspace" data-testid="draft-workspace" data-draft-id={draft.id} data-version={draft.version}>
      <header className="draft-head">
        <label className="field draft-title-field">
          <span>{t('drafts.fields.title')}</span>
          <input value={title} onChange={(event) => onTitleChange(event.target.value)} onBlur={() => void autosave.flush()} readOnly={!editable} maxLength={300} data-testid="draft-title" />
        </label>
        <div className="draft-meta">
          <span className="badge">{t(`drafts.channel.${draft.channel}`)}</span>
          {draft.platform && <span className="badge">{t(`drafts.platform.${draft.platform}`)}</span>}
          <span className="badge">{t(`languageNames.${draft.language}`)}</span>
          <span className="muted small" data-testid="draft-version-number">
            {t('drafts.page.version', { version: draft.version })}
          </span>
          <span className="muted small">
            {t('drafts.page.updated', { name: draft.updatedBy?.displayName ?? t('cases.audit.system') })} <DateTime value={draft.updatedAt} fallback="" />
          </span>
          <LengthCounter length={textLength(plainText(document))} limit={lengthLimit(draft, limits)} />
          {editable && <SaveStatus autosave={autosave} />}
        </div>
      </header>
      {!editable && <p className="muted" data-testid="draft-read-only">{draft.status === 'published' ? t('drafts.page.publishedReadOnly') : t('drafts.page.readOnly')}</p>}
      {autosave.conflict && <DraftConflict draftId={draft.id} conflict={autosave.conflict} mine={() => latest.current} onKeepMine={autosave.keepMine} />}
      <div className="draft-columns">
        <div className="draft-main">
          <DraftEditor initial={initial.document} editable={editable} onCiteDropped={register} onChange={onDocumentChange} onBlur={() => void autosave.flush()} onReady={setEditor} />
          <DraftReview draft={draft} severity={caseView.severity} user={user} flush={autosave.flush} savedVersion={autosave.savedVersion} onChanged={setDraft} />
          <DraftVersions draftId={draft.id} version={draft.version} approvedVersion={draft.approvedVersion} />
          <DraftExports draftId={draft.id} status={draft.status} version={draft.version} />
        </div>
        <aside className="draft-side">
          <EvidencePanel links={caseView.links} onCite={citeAtCursor} canCite={editable} />
          <DraftComments draftId={draft.id} editor={editor} flush={autosave.flush} />
        </aside>
      </div>
    </article>
  );
}
