import type { DraftCitation, DraftDocument } from '@vigil/contracts';
import type { Editor, JSONContent } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { readCitationDrag } from './citation-drag';
import { DRAFT_HEADING_LEVEL, toEditorContent } from './draft-document';
import { DRAFT_EXTENSIONS } from './draft-extensions';

/** The editor's selection as a review comment anchors it: the draft block it starts in and the words selected. */
export interface EditorSelection {
  blockIndex: number;
  quote: string;
}

interface DraftEditorProps {
  initial: DraftDocument;
  editable: boolean;
  /** A citation dragged from the evidence panel, registered by the page, answering the id to insert. */
  onCiteDropped: (source: Omit<DraftCitation, 'id'>) => string;
  /** The editor's content changed (the page converts it: fromEditorContent). */
  onChange: (json: JSONContent) => void;
  onBlur: () => void;
  onReady: (editor: Editor | null) => void;
}

/** The draft's body in TipTap, converted to and from DraftDocument at its edges (never stored as HTML). */
export function DraftEditor({ initial, editable, onCiteDropped, onChange, onBlur, onReady }: DraftEditorProps) {
  const { t } = useTranslation();
  // The editor is created once; its callbacks read the latest props through this ref.
  const latest = useRef({ onCiteDropped, onChange, onBlur });
  latest.current = { onCiteDropped, onChange, onBlur };

  const editor = useEditor({
    extensions: DRAFT_EXTENSIONS,
    content: toEditorContent(initial),
    editable,
    // The console's Content-Security-Policy allows no inline <style>: drafts.css carries what TipTap would inject.
    injectCSS: false,
    editorProps: {
      attributes: { class: 'draft-editor-content', 'data-testid': 'draft-editor', 'aria-label': t('drafts.editor.label'), role: 'textbox', 'aria-multiline': 'true' },
      handleDrop: (view, event) => dropCitation(view, event, latest.current.onCiteDropped),
    },
    onUpdate: ({ editor: current }) => latest.current.onChange(current.getJSON()),
    onBlur: () => latest.current.onBlur(),
  });

  useEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    onReady(editor);
    return () => onReady(null);
  }, [editor, onReady]);

  return (
    <div className="draft-editor">
      {editable && <DraftToolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function dropCitation(view: EditorView, event: DragEvent, register: (source: Omit<DraftCitation, 'id'>) => string): boolean {
  const source = readCitationDrag(event.dataTransfer);
  if (!source) return false;
  event.preventDefault();
  const dropped = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
  // Dropped below or between blocks: into the nearest text before (or after) the point, not into a block of its own.
  const $dropped = view.state.doc.resolve(dropped);
  const at = $dropped.parent.inlineContent ? dropped : (TextSelection.findFrom($dropped, -1, true) ?? TextSelection.findFrom($dropped, 1, true))?.from;
  if (at === undefined) return false;
  const citationId = register(source);
  const node = view.state.schema.nodes.citation!.create({ citationId });
  view.dispatch(view.state.tr.insert(at, node));
  view.focus();
  return true;
}

/** Where a comment about the selection anchors: the index of its first text block among all of them, as DraftDocument counts blocks. */
export function selectionAnchor(editor: Editor): EditorSelection | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const quote = editor.state.doc.textBetween(from, to, ' ').trim();
  if (!quote) return null;
  let index = -1;
  let blockIndex = -1;
  editor.state.doc.descendants((node, position) => {
    if (blockIndex >= 0) return false;
    if (!node.isTextblock) return true;
    index += 1;
    if (from >= position && from <= position + node.nodeSize) blockIndex = index;
    return false;
  });
  return blockIndex >= 0 ? { blockIndex, quote } : null;
}

function DraftToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      heading: current.isActive('heading'),
      bullet: current.isActive('bulletList'),
      quote: current.isActive('blockquote'),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
    }),
  });
  const buttons = [
    { name: 'heading', pressed: active.heading, run: () => editor.chain().focus().toggleHeading({ level: DRAFT_HEADING_LEVEL }).run() },
    { name: 'paragraph', pressed: false, run: () => editor.chain().focus().setParagraph().run() },
    { name: 'bullet', pressed: active.bullet, run: () => editor.chain().focus().toggleBulletList().run() },
    { name: 'quote', pressed: active.quote, run: () => editor.chain().focus().toggleBlockquote().run() },
    { name: 'bold', pressed: active.bold, run: () => editor.chain().focus().toggleBold().run() },
    { name: 'italic', pressed: active.italic, run: () => editor.chain().focus().toggleItalic().run() },
  ] as const;
  return (
    <div className="draft-toolbar" role="toolbar" aria-label={t('drafts.editor.toolbar')}>
      {buttons.map((button) => (
        // A mouse press keeps the focus (and the caret) in the text: the next key lands there, and no blur saves midway.
        <button key={button.name} type="button" className="small" aria-pressed={button.pressed} onMouseDown={(event) => event.preventDefault()} onClick={button.run} data-testid={`draft-format-${button.name}`}>
          {t(`drafts.editor.format.${button.name}`)}
        </button>
      ))}
    </div>
  );
}
