import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useSession } from '@/lib/auth';
import type { Realtime, RealtimeStatus } from '@/lib/socket';

// React bindings of the tab's realtime connection. The app layer provides one `Realtime`
// (tests provide one built on a fake socket) and keeps it connected while signed in.

const RealtimeContext = createContext<Realtime | null>(null);

export function RealtimeProvider({ realtime, children }: { realtime: Realtime; children: ReactNode }) {
  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime {
  const realtime = useContext(RealtimeContext);
  if (!realtime) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return realtime;
}

export function useRealtimeStatus(): RealtimeStatus {
  const realtime = useRealtime();
  return useSyncExternalStore(realtime.subscribeStatus, realtime.getStatus, realtime.getStatus);
}

/** Connects while there is a session and disconnects when it ends (log-out, expiry). */
export function useRealtimeConnection(): void {
  const realtime = useRealtime();
  const signedIn = useSession() !== null;
  useEffect(() => {
    if (!signedIn) return;
    realtime.start();
    return () => realtime.stop();
  }, [realtime, signedIn]);
}

/** Calls `handler` with each payload of a server event; the latest handler is always used. */
export function useRealtimeEvent(event: string, handler: (payload: unknown) => void): void {
  const realtime = useRealtime();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => realtime.on(event, (payload) => latest.current(payload)), [realtime, event]);
}

/** Calls `handler` on every successful (re)connection, including the first. */
export function useRealtimeConnected(handler: () => void): void {
  const realtime = useRealtime();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    let previous = realtime.getStatus();
    if (previous === 'connected') latest.current();
    return realtime.subscribeStatus(() => {
      const status = realtime.getStatus();
      if (status === 'connected' && previous !== 'connected') latest.current();
      previous = status;
    });
  }, [realtime]);
}
