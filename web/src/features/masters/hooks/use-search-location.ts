import { useCallback, useEffect, useRef, useState } from 'react';
import { useUser } from '@/lib/auth';
import type { GeoLocation } from '@/types/api';

/** Used when neither the device nor the profile knows where the user is. */
export const MOSCOW_CENTRE: GeoLocation = { lat: 55.7558, lon: 37.6173 };

/** Stop waiting for the browser after this long (a permission prompt may never be answered). */
export const GEOLOCATION_PATIENCE_MS = 6_000;

export type LocationSource = 'device' | 'profile' | 'default';
export type SearchLocation =
  | { status: 'locating'; location: null; source: null }
  | { status: 'ready'; location: GeoLocation; source: LocationSource };

type DeviceState = 'pending' | 'failed' | GeoLocation;

// Remembered for the tab's lifetime so that the master page and a second visit to the
// search do not ask the browser again.
let lastDeviceLocation: GeoLocation | null = null;

export function getLastDeviceLocation(): GeoLocation | null {
  return lastDeviceLocation;
}

function hasGeolocation(): boolean {
  return typeof navigator !== 'undefined' && 'geolocation' in navigator && !!navigator.geolocation;
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

/**
 * Where to search from: the browser's geolocation, else the location saved in the user's
 * profile, else the centre of Moscow.
 */
export function useSearchLocation(): SearchLocation & { relocate: () => void; locating: boolean } {
  const user = useUser();
  const [device, setDevice] = useState<DeviceState>(() =>
    lastDeviceLocation ?? (hasGeolocation() ? 'pending' : 'failed'),
  );
  const [asking, setAsking] = useState(false);
  const mounted = useRef(true);

  const ask = useCallback(() => {
    if (!hasGeolocation()) return;
    setAsking(true);
    const patience = window.setTimeout(() => {
      if (mounted.current) setDevice((d) => (d === 'pending' ? 'failed' : d));
    }, GEOLOCATION_PATIENCE_MS);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        window.clearTimeout(patience);
        const location = { lat: round(pos.coords.latitude), lon: round(pos.coords.longitude) };
        lastDeviceLocation = location;
        if (!mounted.current) return;
        setAsking(false);
        setDevice(location);
      },
      () => {
        window.clearTimeout(patience);
        if (!mounted.current) return;
        setAsking(false);
        setDevice((d) => (typeof d === 'object' ? d : 'failed'));
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
    );
  }, []);

  useEffect(() => {
    mounted.current = true;
    if (device === 'pending') ask();
    return () => {
      mounted.current = false;
    };
    // Ask once on mount; `relocate` asks again.
  }, []);

  const base = { relocate: ask, locating: asking };
  if (typeof device === 'object') return { ...base, status: 'ready', location: device, source: 'device' };
  if (device === 'pending' || user.isPending) return { ...base, status: 'locating', location: null, source: null };
  const saved = user.data?.location ?? null;
  if (saved) return { ...base, status: 'ready', location: saved, source: 'profile' };
  return { ...base, status: 'ready', location: MOSCOW_CENTRE, source: 'default' };
}
