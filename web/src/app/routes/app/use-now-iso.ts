import { useState } from 'react';

/** Now, to the minute, fixed for the life of the screen: a stable query key for "upcoming"/"past". */
export function useNowIso(): string {
  const [now] = useState(() => {
    const d = new Date();
    d.setSeconds(0, 0);
    return d.toISOString();
  });
  return now;
}
