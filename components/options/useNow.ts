import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `everyMs`, so "3 minutes ago" stays true on an open page. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
