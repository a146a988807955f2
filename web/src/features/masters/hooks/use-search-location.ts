import { useEffect, useRef, useState } from 'react';
import { useUser } from '@/lib/auth';
import { geolocationSupported, useGeolocation } from '@/lib/use-geolocation';
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

const round = (value: number) => Math.round(value * 1e5) / 1e5;

/**
 * Where to search from: the browser's geolocation, else the location saved in the user's
 * profile, else the centre of Moscow.
 */
export function useSearchLocation(): SearchLocation & { relocate: () => void; locating: boolean } {
  const user = useUser();
  const [device, setDevice] = useState<DeviceState>(() =>
    lastDeviceLocation ?? (geolocationSupported() ? 'pending' : 'failed'),
  );
  const initialDevice = useRef(device);
  const geo = useGeolocation({
    patienceMs: GEOLOCATION_PATIENCE_MS,
    onLocated: (coords) => {
      const location = { lat: round(coords.lat), lon: round(coords.lon) };
      lastDeviceLocation = location;
      setDevice(location);
    },
    onFailed: () => setDevice((d) => (typeof d === 'object' ? d : 'failed')),
    onImpatient: () => setDevice((d) => (d === 'pending' ? 'failed' : d)),
  });
  const { locate } = geo;

  useEffect(() => {
    // Ask once on mount; `relocate` asks again.
    if (initialDevice.current === 'pending') locate();
  }, [locate]);

  const base = { relocate: locate, locating: geo.locating };
  if (typeof device === 'object') return { ...base, status: 'ready', location: device, source: 'device' };
  if (device === 'pending' || user.isPending) return { ...base, status: 'locating', location: null, source: null };
  const saved = user.data?.location ?? null;
  if (saved) return { ...base, status: 'ready', location: saved, source: 'profile' };
  return { ...base, status: 'ready', location: MOSCOW_CENTRE, source: 'default' };
}
