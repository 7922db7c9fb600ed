import { useState } from 'react';

const STORAGE_KEY = 'vigil.itemsCompact';

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

/** The items list density, remembered in this browser. */
export function useCompactList(): [boolean, (compact: boolean) => void] {
  const [compact, setCompactState] = useState(stored);
  function setCompact(next: boolean) {
    setCompactState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next ? '1' : '0');
    } catch {
      // Storage can be blocked by browser policy; the toggle still works for this visit.
    }
  }
  return [compact, setCompact];
}
