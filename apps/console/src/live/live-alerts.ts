import { useCallback, useEffect, useRef, useState } from 'react';

const STORAGE_KEY = 'vigil.live.alerts';

function storedChoice(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

function storeChoice(enabled: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, enabled ? 'on' : 'off');
  } catch {
    // Storage can be blocked by browser policy; the choice still holds for this visit.
  }
}

function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export interface LiveAlerts {
  enabled: boolean;
  /** Desktop notifications were refused (or the browser has none): only the sound plays. */
  notificationsBlocked: boolean;
  toggle: () => Promise<void>;
  /** A short tone and, when allowed, a desktop notification; nothing unless the officer opted in. */
  alert: (title: string, body: string) => void;
}

/** Opt-in sound and desktop notification for critical flags and spikes, remembered per browser. */
export function useLiveAlerts(): LiveAlerts {
  const [enabled, setEnabled] = useState(storedChoice);
  const [permission, setPermission] = useState(notificationPermission);
  const enabledRef = useRef(enabled);
  const audio = useRef<AudioContext | null>(null);

  useEffect(() => {
    enabledRef.current = enabled;
  }, [enabled]);

  useEffect(() => () => void audio.current?.close(), []);

  const toggle = useCallback(async () => {
    if (enabledRef.current) {
      storeChoice(false);
      setEnabled(false);
      return;
    }
    // Asked only from this click: browsers ignore (and officers resent) a permission prompt nobody asked for.
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') setPermission(await Notification.requestPermission());
    // Created in the click too: browsers start audio only after a user gesture.
    audio.current ??= new AudioContext();
    storeChoice(true);
    setEnabled(true);
  }, []);

  const alert = useCallback((title: string, body: string) => {
    if (!enabledRef.current) return;
    playTone((audio.current ??= new AudioContext()));
    if (notificationPermission() === 'granted') new Notification(title, { body, tag: `vigil-${title}` });
  }, []);

  return { enabled, notificationsBlocked: permission === 'denied' || permission === 'unsupported', toggle, alert };
}

/** Two short beeps, generated rather than loaded (no audio asset to serve or allow in the CSP). */
function playTone(context: AudioContext): void {
  void context.resume().then(() => {
    for (const offset of [0, 0.2]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.15, context.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + offset + 0.15);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(context.currentTime + offset);
      oscillator.stop(context.currentTime + offset + 0.15);
    }
  });
}
