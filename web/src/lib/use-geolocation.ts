import { useCallback, useRef, useState } from 'react';

export type Coordinates = { lat: number; lon: number };

type Options = {
  /** Passed to getCurrentPosition. */
  position?: PositionOptions;
  /** Called when the browser gives up waiting on us for this long (a prompt may never be answered). */
  patienceMs?: number;
  onLocated: (coords: Coordinates) => void;
  onFailed?: () => void;
  onImpatient?: () => void;
};

const DEFAULT_POSITION: PositionOptions = { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 };

export function geolocationSupported(): boolean {
  return typeof navigator !== 'undefined' && 'geolocation' in navigator && !!navigator.geolocation;
}

/**
 * The browser's position on demand: `locate()` asks once, `locating` is true while the
 * browser answers, `failed` after a refusal or an error (until the next `locate()`).
 */
export function useGeolocation(options: Options) {
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);
  // Callbacks change on every render; the request made earlier must call the latest ones.
  const latest = useRef(options);
  latest.current = options;

  const locate = useCallback(() => {
    if (!geolocationSupported()) return;
    const { patienceMs, position = DEFAULT_POSITION } = latest.current;
    setFailed(false);
    setLocating(true);
    const patience =
      patienceMs === undefined ? undefined : window.setTimeout(() => latest.current.onImpatient?.(), patienceMs);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        window.clearTimeout(patience);
        setLocating(false);
        latest.current.onLocated({ lat: pos.coords.latitude, lon: pos.coords.longitude });
      },
      () => {
        window.clearTimeout(patience);
        setLocating(false);
        setFailed(true);
        latest.current.onFailed?.();
      },
      position,
    );
  }, []);

  return { supported: geolocationSupported(), locating, failed, locate };
}
