import { useEffect, useState } from 'react';
import type { FeedTab } from '@/features/feed/api/keys';
import { geolocationSupported } from '@/lib/use-geolocation';
import type { GeoLocation } from '@/types/api';

/** Stop waiting for the browser after this long (a permission prompt may never be answered). */
export const FEED_GEOLOCATION_PATIENCE_MS = 6_000;

export type FeedLocation = { ready: false; location: null } | { ready: true; location: GeoLocation | null };

// Remembered for the tab's lifetime: switching tabs does not ask the browser again.
let lastLocation: GeoLocation | null = null;

/** Test hook. */
export function resetFeedLocationForTests(): void {
  lastLocation = null;
}

// About 100 m: the query key does not change with every step.
const round = (value: number) => Math.round(value * 1e3) / 1e3;

async function permissionGranted(): Promise<boolean> {
  try {
    const status = await navigator.permissions?.query({ name: 'geolocation' as PermissionName });
    return status?.state === 'granted';
  } catch {
    return false;
  }
}

function currentPosition(): Promise<GeoLocation | null> {
  return new Promise((resolve) => {
    const patience = window.setTimeout(() => resolve(null), FEED_GEOLOCATION_PATIENCE_MS);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        window.clearTimeout(patience);
        resolve({ lat: round(pos.coords.latitude), lon: round(pos.coords.longitude) });
      },
      () => {
        window.clearTimeout(patience);
        resolve(null);
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
    );
  });
}

/**
 * Where the feed is read from. "For you" uses the device's position only when the user has
 * already allowed it (no prompt on the home page); "Nearby" asks for it. Without one the
 * server uses the profile's location (or the city centre). "Following" needs none.
 */
export function useFeedLocation(tab: FeedTab): FeedLocation {
  const wants = tab !== 'following';
  const prompt = tab === 'nearby';
  const [state, setState] = useState<{ key: string; location: GeoLocation | null } | null>(null);
  const key = `${tab}`;

  useEffect(() => {
    if (!wants) return;
    if (lastLocation || !geolocationSupported()) {
      setState({ key, location: lastLocation });
      return;
    }
    let cancelled = false;
    void (async () => {
      const allowed = prompt || (await permissionGranted());
      const location = allowed ? await currentPosition() : null;
      if (location) lastLocation = location;
      if (!cancelled) setState({ key, location });
    })();
    return () => {
      cancelled = true;
    };
  }, [key, wants, prompt]);

  if (!wants) return { ready: true, location: null };
  if (lastLocation) return { ready: true, location: lastLocation };
  if (!geolocationSupported()) return { ready: true, location: null };
  if (state?.key === key) return { ready: true, location: state.location };
  return { ready: false, location: null };
}
