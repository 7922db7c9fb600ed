import type { DraftCommentView } from '@vigil/contracts';
import type { Editor } from '@tiptap/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDraftComment, listDraftComments, resolveDraftComment } from '../api/drafts-api';
import { useErrorMessage } from '../shared/error-message';
import { RelativeTime } from '../shared/relative-time';
import { useResource } from '../shared/use-resource';
import { selectionAnchor, type EditorSelection } from './draft-editor';

interface DraftCommentsProps {
  draftId: string;
  editor: Editor | null;
  /** Saves the text first, so the comment's block and quote are those of a stored version. */
  flush: () => Promise<boolean>;
}

/** Inline review: comments on words of the text, each quoting them, resolved once dealt with. */
export function DraftComments({ draftId, editor, flush }: DraftCommentsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const comments = useResource((signal) => listDraftComments(draftId, signal), [draftId]);
  const [anchor, setAnchor] = useState<EditorSelection | null>(null);
  const [body, setBody] = useState('');
  const [hint, setHint] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  function startComment() {
    const selected = editor ? selectionAnchor(editor) : null;
    setHint(selected === null);
    setAnchor(selected);
    setError(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!anchor || !body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      if (!(await flush())) return;
      await addDraftComment(draftId, { ...anchor, body: body.trim() });
      setAnchor(null);
      setBody('');
      comments.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function resolve(comment: DraftCommentView) {
    setError(null);
    try {
      await resolveDraftComment(draftId, comment.id);
      comments.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  const list = comments.data?.comments ?? [];
  return (
    <section className="card draft-comments" aria-labelledby="draft-comments-title" data-testid="draft-comments">
      <h2 id="draft-comments-title">{t('drafts.comments.title')}</h2>
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={startComment} disabled={!editor} data-testid="draft-comment-start">
        {t('drafts.comments.onSelection')}
      </button>
      {hint && (
        <p className="muted small" role="status" data-testid="draft-comment-hint">
          {t('drafts.comments.selectFirst')}
        </p>
      )}
      {anchor && (
        <form className="form draft-comment-form" onSubmit={submit}>
          <blockquote className="draft-comment-quote" data-testid="draft-comment-new-quote">
            {anchor.quote}
          </blockquote>
          <label className="field">
            <span>{t('drafts.comments.body')}</span>
            <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={3} maxLength={4000} autoFocus data-testid="draft-comment-body" />
          </label>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy || !body.trim()} data-testid="draft-comment-submit">
              {t('drafts.comments.submit')}
            </button>
            <button type="button" onClick={() => setAnchor(null)} disabled={busy}>
              {t('drafts.cancel')}
            </button>
          </div>
        </form>
      )}
      {error !== null && (
        <p className="form-error" role="alert" data-testid="draft-comment-error">
          {errorMessage(error)}
        </p>
      )}
      {comments.error !== undefined ? (
        <p className="form-error">{errorMessage(comments.error)}</p>
      ) : list.length === 0 ? (
        <p className="muted small">{comments.loading ? t('common.loading') : t('drafts.comments.empty')}</p>
      ) : (
        <ol className="comment-list">
          {list.map((comment) => (
            <li key={comment.id} className={comment.resolvedAt ? 'comment draft-comment resolved' : 'comment draft-comment'} data-testid="draft-comment" data-resolved={comment.resolvedAt !== null}>
              <div className="comment-head">
                <strong>{comment.author.displayName}</strong> <RelativeTime value={comment.createdAt} fallback="" />{' '}
                <span className="muted small">{t('drafts.comments.onVersion', { version: comment.version })}</span>
              </div>
              <blockquote className="draft-comment-quote" data-testid="draft-comment-quote">
                {comment.quote}
              </blockquote>
              <p className="comment-body">{comment.body}</p>
              {comment.resolvedAt ? (
                <p className="muted small">{t('drafts.comments.resolved')}</p>
              ) : (
                <button type="button" className="small" onClick={() => void resolve(comment)} data-testid="draft-comment-resolve">
                  {t('drafts.comments.resolve')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
