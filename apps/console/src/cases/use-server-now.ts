import { useEffect, useState } from 'react';
import { serverNow } from '../api/server-clock';

const TICK_MS = 1_000;

/** Now on the server's clock, redrawn every second (countdowns tick from it). */
export function useServerNow(): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}
