import { useTranslation } from 'react-i18next';
import type { LiveConnectionState } from '../api/live-socket';

export function ConnectionIndicator({ state }: { state: LiveConnectionState }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'connected'
      ? t('live.connection.connected')
      : state.kind === 'catching_up'
        ? t('live.connection.catchingUp', { count: state.received })
        : state.kind === 'reconnecting'
          ? t('live.connection.reconnecting')
          : t('live.connection.connecting');
  return (
    <span className={`connection connection-${state.kind}`} role="status" aria-live="polite" data-testid="live-connection" data-state={state.kind}>
      <span className="connection-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
