import type { CaseCommentView, CaseView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addCaseComment } from '../api/cases-api';
import { RelativeTime } from '../shared/relative-time';
import { useErrorMessage } from '../shared/error-message';
import { CommentBody } from './comment-body';

interface CaseCommentsProps {
  caseId: string;
  comments: CaseCommentView[];
  /** The case as it stands with the comment. */
  onAdded: (view: CaseView) => void;
}

export function CaseComments({ caseId, comments, onAdded }: CaseCommentsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onAdded(await addCaseComment(caseId, body));
      setBody('');
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card case-comments" aria-labelledby="case-comments-title" data-testid="case-comments">
      <h2 id="case-comments-title">{t('cases.comments.title')}</h2>
      {comments.length === 0 ? (
        <p className="muted">{t('cases.comments.empty')}</p>
      ) : (
        <ol className="comment-list">
          {comments.map((comment) => (
            <li key={comment.id} className="comment" data-testid="case-comment" data-comment-id={comment.id}>
              <div className="comment-head">
                <strong>{comment.author.displayName}</strong> <RelativeTime value={comment.createdAt} fallback="" />
              </div>
              <CommentBody comment={comment} />
            </li>
          ))}
        </ol>
      )}
      <form className="form comment-form" onSubmit={handleSubmit}>
        <label className="field">
          <span>{t('cases.comments.new')}</span>
          <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={3} maxLength={4000} data-testid="case-comment-body" />
        </label>
        <p className="muted small">{t('cases.comments.mentionHint')}</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || !body.trim()} data-testid="case-comment-submit">
            {t('cases.comments.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
