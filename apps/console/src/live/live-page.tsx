import type { CaseSummary, FlagView } from '@vigil/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { claimFlag, type FlagSort, releaseFlag } from '../api/flags-api';
import { useCurrentUser } from '../auth/auth-context';
import { canTriageFlags } from '../auth/permissions';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { errorNotice, Notice, successNotice, type NoticeMessage } from '../shared/notice';
import { ConnectionIndicator } from './connection-indicator';
import { DigestPanel } from './digest-panel';
import { FlagRow, type FlagAction } from './flag-row';
import { useLiveAlerts } from './live-alerts';
import { ReasonDialog, type Decision } from './reason-dialog';
import { ShortcutsHelp } from './shortcuts-help';
import { SpikeBanners, useSpikeText } from './spike-banner';
import { useLiveFeed } from './use-live-feed';
import { useLiveKeys } from './use-live-keys';

/** Where the officer's chosen order is kept between visits. */
const SORT_KEY = 'vigil.live.sort';

/** Relative times ("3 phút trước") are redrawn this often. */
const CLOCK_TICK_MS = 30_000;

/** The duty officer's screen: open flags by priority, kept current by the live feed, triaged from the keyboard. */
export function LivePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canTriage = canTriageFlags(user);
  const alerts = useLiveAlerts();
  const spikeText = useSpikeText();
  const [sort, setSort] = useState<FlagSort>(() => (localStorage.getItem(SORT_KEY) === 'learned' ? 'learned' : 'priority'));
  const feed = useLiveFeed({
    onFlagCreated: (flag) => {
      if (flag.rule.severity === 'critical') alerts.alert(t('live.alerts.critical', { rule: flag.rule.name }), flag.item.title);
    },
    onSpike: (spike) => alerts.alert(t('live.spike.title', { name: spike.subject.name }), spikeText(spike)),
  }, sort);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ flag: FlagView; decision: Decision } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  /** The case the last escalation opened, linked under the notice. */
  const [openedCase, setOpenedCase] = useState<CaseSummary | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const lastIndex = useRef(0);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const flags = feed.flags ?? [];
  // The selection follows its flag as the list re-sorts; when the flag leaves, the one now in its place is selected.
  let index = flags.findIndex((flag) => flag.id === selectedId);
  if (index < 0 && flags.length > 0) index = Math.min(lastIndex.current, flags.length - 1);
  const selected = index >= 0 ? flags[index] : undefined;

  useEffect(() => {
    if (index >= 0) lastIndex.current = index;
  });

  function select(at: number) {
    const flag = flags[Math.max(0, Math.min(at, flags.length - 1))];
    if (!flag) return;
    setSelectedId(flag.id);
    list.current?.querySelector(`[data-flag-id="${flag.id}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  async function act(flag: FlagView, action: FlagAction) {
    if (!canTriage) return;
    setSelectedId(flag.id);
    if (action === 'escalate' || action === 'dismiss') {
      setDeciding({ flag, decision: action });
      return;
    }
    setBusyId(flag.id);
    setNotice(null);
    try {
      const updated = action === 'claim' ? await claimFlag(flag.id) : await releaseFlag(flag.id);
      feed.showFlag(updated);
      setNotice(successNotice(action === 'claim' ? 'live.notice.claimed' : 'live.notice.released', { title: updated.item.title }));
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusyId(null);
    }
  }

  useLiveKeys((key) => {
    switch (key) {
      case 'next':
        select(index + 1);
        return;
      case 'previous':
        select(index - 1);
        return;
      case 'help':
        setHelpOpen(true);
        return;
      case 'claim':
        if (selected) void act(selected, selected.claimedBy?.id === user.id ? 'release' : 'claim');
        return;
      case 'escalate':
      case 'dismiss':
        if (selected) void act(selected, key);
        return;
      default: {
        const exhaustive: never = key;
        return exhaustive;
      }
    }
  });

  return (
    <section className="page live-page">
      <div className="page-header">
        <h1>{t('live.title')}</h1>
        <div className="page-header-actions live-header-actions">
          <ConnectionIndicator state={feed.connection} />
          <label className="live-sort" title={t('live.sort.hint')}>
            {t('live.sort.label')}{' '}
            <select
              value={sort}
              onChange={(event) => {
                const chosen: FlagSort = event.target.value === 'learned' ? 'learned' : 'priority';
                localStorage.setItem(SORT_KEY, chosen);
                setSort(chosen);
              }}
              data-testid="live-sort"
            >
              <option value="priority">{t('live.sort.priority')}</option>
              <option value="learned">{t('live.sort.learned')}</option>
            </select>
          </label>
          <button type="button" aria-pressed={alerts.enabled} title={t('live.alerts.hint')} onClick={() => void alerts.toggle()} data-testid="live-alerts-toggle">
            {t(alerts.enabled ? 'live.alerts.disable' : 'live.alerts.enable')}
          </button>
          <button type="button" onClick={() => setHelpOpen(true)} data-testid="live-help-open">
            {t('live.help.open')}
          </button>
        </div>
      </div>
      {alerts.enabled && alerts.notificationsBlocked && <p className="muted small">{t('live.alerts.blocked')}</p>}
      <SpikeBanners spikes={feed.spikes} onDismiss={feed.dismissSpike} />
      <DigestPanel digests={feed.digests} />
      <p className="muted">
        {t('live.intro')} {t('live.selectedHint')}
      </p>
      {!canTriage && (
        <p className="muted small" data-testid="live-read-only">
          {t('live.readOnly')}
        </p>
      )}
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {openedCase && (
        <p className="notice notice-success" data-testid="live-opened-case">
          {t('cases.escalated', { reference: openedCase.reference })}{' '}
          <Link to={`/cases/${encodeURIComponent(openedCase.id)}`} data-testid="live-opened-case-link">
            {t('cases.board.openCase')}
          </Link>
        </p>
      )}
      {feed.error !== undefined ? (
        <ErrorState error={feed.error} onRetry={feed.reload} />
      ) : !feed.flags ? (
        <LoadingState />
      ) : flags.length === 0 ? (
        <p className="empty" data-testid="live-empty">
          {t('live.empty')}
        </p>
      ) : (
        <ol ref={list} className="flag-list" aria-label={t('live.listLabel')} data-testid="flag-list">
          {flags.map((flag) => (
            <FlagRow
              key={flag.id}
              flag={flag}
              selected={flag.id === selected?.id}
              fresh={feed.fresh.has(flag.id)}
              currentUserId={user.id}
              canTriage={canTriage}
              busy={busyId === flag.id}
              onSelect={() => setSelectedId(flag.id)}
              onAction={(action) => void act(flag, action)}
            />
          ))}
        </ol>
      )}
      {deciding && (
        <ReasonDialog
          flag={deciding.flag}
          decision={deciding.decision}
          onClose={(decided, opened) => {
            setDeciding(null);
            if (!decided) return;
            feed.showFlag(decided);
            setOpenedCase(opened ?? null);
            setNotice(successNotice(deciding.decision === 'dismiss' ? 'live.notice.dismissed' : 'live.notice.escalated', { title: decided.item.title }));
          }}
        />
      )}
      {helpOpen && <ShortcutsHelp canTriage={canTriage} onClose={() => setHelpOpen(false)} />}
    </section>
  );
}
