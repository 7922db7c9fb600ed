import { useEffect, useRef } from 'react';

export type LiveKey = 'next' | 'previous' | 'claim' | 'escalate' | 'dismiss' | 'help';

const KEYS: Record<string, LiveKey> = { j: 'next', k: 'previous', c: 'claim', e: 'escalate', d: 'dismiss', '?': 'help' };

/** Where typing must reach the field: a shortcut never fires while the officer writes a reason or a search. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, dialog') !== null;
}

/** The live screen's single-key shortcuts; ignored with a modifier, while typing, or while any dialog is open. */
export function useLiveKeys(onKey: (key: LiveKey) => void): void {
  const handler = useRef(onKey);
  useEffect(() => {
    handler.current = onKey;
  });
  useEffect(() => {
    function listen(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const key = KEYS[event.key];
      if (!key) return;
      event.preventDefault();
      handler.current(key);
    }
    document.addEventListener('keydown', listen);
    return () => document.removeEventListener('keydown', listen);
  }, []);
}
