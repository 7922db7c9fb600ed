import type { CaseMentionedLiveData } from '@vigil/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { openLiveSocket } from '../api/live-socket';

/** Older notifications give way beyond this many. */
const SHOWN = 5;

/**
 * "Someone mentioned you": the server sends `case.mentioned` to the mentioned user alone, so every one heard here is
 * the signed-in user's, on whichever screen they are (a mention missed while reconnecting comes in the replay). Each
 * stays until opened or dismissed.
 */
export function MentionNotifications() {
  const { t } = useTranslation();
  const [mentions, setMentions] = useState<CaseMentionedLiveData[]>([]);

  useEffect(
    () =>
      openLiveSocket({
        onEvent: (event) => {
          if (event.type !== 'case.mentioned') return;
          setMentions((current) => [event.data, ...current.filter((mention) => mention.commentId !== event.data.commentId)].slice(0, SHOWN));
        },
        onReady: () => undefined,
        onState: () => undefined,
        // The screens' own requests meet an ended session (and the console's one 401 handler) soon enough.
        onRefused: () => undefined,
      }),
    [],
  );

  const dismiss = (commentId: string) => setMentions((current) => current.filter((mention) => mention.commentId !== commentId));

  return (
    <div className="mention-region" role="status" aria-live="polite" aria-label={t('mentions.label')}>
      {mentions.map((mention) => (
        <div key={mention.commentId} className="mention-notice" data-testid="mention-notice" data-case-id={mention.caseId}>
          <Link to={`/cases/${mention.caseId}`} onClick={() => dismiss(mention.commentId)} data-testid="mention-open">
            <strong>{t('mentions.title', { author: mention.authorDisplayName, reference: mention.reference })}</strong>
            <span className="mention-case">{mention.title}</span>
            <span className="mention-excerpt">{mention.excerpt}</span>
          </Link>
          <button type="button" className="link-button" onClick={() => dismiss(mention.commentId)} data-testid="mention-dismiss">
            {t('common.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
