import type { CaseCommentView } from '@vigil/contracts';
import type { ReactNode } from 'react';

/** The API's mention syntax: `@` not inside a word or an address, then username characters. */
const MENTION = /(?<![\p{L}\p{N}._@-])@([A-Za-z0-9._-]+)/gu;

/**
 * A comment as written, its @mentions of real users marked (with the user's name on hover). Rendered as React text
 * nodes only: a comment is never HTML.
 */
export function CommentBody({ comment }: { comment: CaseCommentView }) {
  const mentioned = new Map(comment.mentions.map((person) => [person.username.toLowerCase(), person]));
  const parts: ReactNode[] = [];
  let position = 0;
  for (const match of comment.body.matchAll(MENTION)) {
    // A trailing dot ends the sentence, not the name.
    const name = match[1]!.replace(/\.+$/, '');
    const person = mentioned.get(name.toLowerCase());
    if (!person) continue;
    const start = match.index;
    if (start > position) parts.push(comment.body.slice(position, start));
    parts.push(
      <span key={start} className="mention" title={person.displayName} data-testid="comment-mention" data-username={person.username}>
        @{name}
      </span>,
    );
    position = start + 1 + name.length;
  }
  if (position < comment.body.length) parts.push(comment.body.slice(position));
  return <p className="comment-body">{parts}</p>;
}
