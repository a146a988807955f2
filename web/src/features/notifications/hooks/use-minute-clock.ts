import { useEffect, useState } from 'react';

/** Now, refreshed every minute, so "5 минут назад" keeps counting on an open page. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
