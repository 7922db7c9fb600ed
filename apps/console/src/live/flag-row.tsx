import type { FlagView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MarkedText } from '../rules/marked-text';
import { SeverityBadge } from '../rules/severity-badge';
import { RelativeTime } from '../shared/relative-time';
import { PriorityWhy } from './priority-why';

export type FlagAction = 'claim' | 'release' | 'escalate' | 'dismiss';

interface FlagRowProps {
  flag: FlagView;
  selected: boolean;
  fresh: boolean;
  currentUserId: string;
  /** False: no triage buttons (the API would answer 403). */
  canTriage: boolean;
  busy: boolean;
  onSelect: () => void;
  onAction: (action: FlagAction) => void;
}

export function FlagRow({ flag, selected, fresh, currentUserId, canTriage, busy, onSelect, onAction }: FlagRowProps) {
  const { t } = useTranslation();
  const mine = flag.claimedBy?.id === currentUserId;
  const title = flag.item.title || t('live.untitled');
  // The API's offsets into the snippet are not reliable (it is cut from the text); the title's are.
  const titleHighlights = flag.item.highlights.filter((highlight) => highlight.field === 'title');
  const classes = ['flag-row', selected && 'flag-selected', fresh && 'flag-fresh', mine && 'flag-mine'].filter(Boolean).join(' ');

  return (
    <li
      className={classes}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
      data-testid="flag-row"
      data-flag-id={flag.id}
      data-selected={selected}
      data-fresh={fresh}
    >
      <div className="flag-main">
        <div className="flag-heading">
          <SeverityBadge severity={flag.rule.severity} />
          <span className="flag-rule" data-testid="flag-rule">
            {flag.rule.name}
          </span>
          <RelativeTime value={flag.createdAt} fallback={t('common.notAvailable')} />
        </div>
        <Link to={`/items/${encodeURIComponent(flag.item.id)}`} className="flag-title" data-testid="flag-title">
          <MarkedText text={title} ranges={flag.item.title ? titleHighlights : []} />
        </Link>
        {flag.item.snippet && <p className="flag-snippet muted small">{flag.item.snippet}</p>}
        <p className="flag-meta small">
          <span data-testid="flag-size">
            {t('live.sources', { count: flag.sourceCount })} · {t('live.items', { count: flag.itemCount })}
          </span>
          {flag.velocity > 0 && (
            <span className="flag-velocity" data-testid="flag-velocity">
              {t('live.velocity', { count: flag.velocity })}
            </span>
          )}
          {flag.storyId && (
            <Link to={`/stories/${encodeURIComponent(flag.storyId)}`} aria-label={t('live.storyLabel', { title })} data-testid="flag-story-link">
              {t('live.story')}
            </Link>
          )}
        </p>
      </div>
      <div className="flag-side">
        <PriorityWhy flag={flag} />
        <span className={`flag-claim ${flag.claimedBy ? 'flag-claimed' : 'muted'}`} data-testid="flag-claim" data-claimed-by={flag.claimedBy?.id ?? ''}>
          {mine ? t('live.claimedByMe') : flag.claimedBy ? t('live.claimedBy', { name: flag.claimedBy.displayName }) : t('live.unclaimed')}
        </span>
        {canTriage && (
          <div className="flag-actions" onClick={(event) => event.stopPropagation()}>
            <button type="button" disabled={busy} onClick={() => onAction(mine ? 'release' : 'claim')} data-testid={mine ? 'flag-release' : 'flag-claim-button'}>
              {t(mine ? 'live.action.release' : 'live.action.claim')}
            </button>
            <button type="button" disabled={busy} onClick={() => onAction('escalate')} data-testid="flag-escalate">
              {t('live.action.escalate')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => onAction('dismiss')} data-testid="flag-dismiss">
              {t('live.action.dismiss')}
            </button>
          </div>
        )}
      </div>
    </li>
  );
}
