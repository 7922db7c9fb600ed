import { useEffect, useRef } from 'react';
import { openLiveSocket } from '../api/live-socket';
import { isBoardEvent } from './board-cases';

/**
 * Calls `onChange` when the live feed says this case changed (a status, a field, a comment, a deadline). The page
 * reads the case again rather than patching it: the detail view holds more than any event carries.
 */
export function useCaseEvents(caseId: string, onChange: () => void): void {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    return openLiveSocket({
      onEvent: (event) => {
        if (!isBoardEvent(event)) return;
        const id = 'case' in event.data ? event.data.case.id : event.data.caseId;
        if (id === caseId) onChangeRef.current();
      },
      // What happened before the first `ready` is in the case as first read; a reconnection reads it again.
      onReady: (_ready, resumed) => {
        if (resumed) onChangeRef.current();
      },
      onState: () => undefined,
      // The page's own requests meet an ended session (and the console's one 401 handler) soon enough.
      onRefused: () => undefined,
    });
  }, [caseId]);
}
