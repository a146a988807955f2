import { io } from 'socket.io-client';
import { freshAccessToken, refreshSession } from '@/lib/api-client';
import { getSession } from '@/lib/token-store';

// One Socket.IO connection per signed-in tab. Features never touch the socket: they
// subscribe to events and emit through a `Realtime`, which owns the connection, its status
// and the token refresh when the server refuses the token.

/** What we use of a socket.io-client `Socket`; tests inject a fake with the same surface. */
export interface SocketLike {
  readonly connected: boolean;
  /** True while the socket will (re)connect by itself. */
  readonly active: boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener?: (...args: unknown[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export type SocketAuth = (cb: (data: { token: string }) => void) => void;
export type SocketFactory = (options: { auth: SocketAuth }) => SocketLike;

export type RealtimeStatus =
  /** Not started (signed out). */
  | 'idle'
  /** First connection attempt. */
  | 'connecting'
  | 'connected'
  /** Lost the connection and trying again. */
  | 'reconnecting'
  /** Gave up: the server closed the connection or kept refusing the token. */
  | 'offline';

type Handler = (payload: unknown) => void;

/** Refusals in a row after which we stop refreshing and reconnecting. */
const MAX_AUTH_FAILURES = 3;
const DEFAULT_ACK_TIMEOUT_MS = 10_000;

export class RealtimeError extends Error {
  readonly code: string;
  constructor(code: string, message = code) {
    super(message);
    this.name = 'RealtimeError';
    this.code = code;
  }
}

type Pending = { reject: (error: RealtimeError) => void };

export class Realtime {
  private readonly factory: SocketFactory;
  private socket: SocketLike | null = null;
  private status: RealtimeStatus = 'idle';
  private readonly statusListeners = new Set<() => void>();
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly bound = new Map<string, (payload: unknown) => void>();
  private readonly pending = new Set<Pending>();
  private everConnected = false;
  private authFailures = 0;
  private sessionExpired = false;
  private lastSentToken: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(factory: SocketFactory) {
    this.factory = factory;
  }

  getStatus = (): RealtimeStatus => this.status;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  get connected(): boolean {
    return this.status === 'connected' && (this.socket?.connected ?? false);
  }

  /** Connects, once; the token is read on every (re)connect attempt. */
  start(): void {
    if (this.socket) return;
    const socket = this.factory({ auth: (cb) => void this.authPayload().then(cb) });
    this.socket = socket;
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('connect_error', this.onConnectError);
    socket.on('session:expired', this.onSessionExpired);
    for (const event of this.handlers.keys()) this.bind(event);
    this.everConnected = false;
    this.authFailures = 0;
    this.setStatus('connecting');
    socket.connect();
  }

  /** Disconnects for good (log-out); handlers stay registered for the next start(). */
  stop(): void {
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    this.bound.clear();
    this.failPending('disconnected');
    if (socket) {
      socket.off('connect');
      socket.off('disconnect');
      socket.off('connect_error');
      socket.off('session:expired');
      for (const event of this.handlers.keys()) socket.off(event);
      socket.disconnect();
    }
    this.setStatus('idle');
  }

  /** A manual "try again" after the connection was given up. */
  reconnect(): void {
    if (!this.socket || this.socket.connected) return;
    this.authFailures = 0;
    this.setStatus(this.everConnected ? 'reconnecting' : 'connecting');
    this.socket.connect();
  }

  /** Subscribes to a server event; the handler survives reconnects. */
  on(event: string, handler: Handler): () => void {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
      this.bind(event);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  /** Fire and forget; false when not connected (socket.io would buffer it for later). */
  emit(event: string, payload: unknown): boolean {
    if (!this.connected || !this.socket) return false;
    this.socket.emit(event, payload);
    return true;
  }

  /** Emits with an acknowledgement; rejects when not connected, on timeout or on disconnect. */
  request(event: string, payload: unknown, timeoutMs = DEFAULT_ACK_TIMEOUT_MS): Promise<unknown> {
    const socket = this.socket;
    if (!this.connected || !socket) return Promise.reject(new RealtimeError('not_connected'));
    return new Promise((resolve, reject) => {
      const entry: Pending = {
        reject: (error) => {
          clearTimeout(timer);
          this.pending.delete(entry);
          reject(error);
        },
      };
      const timer = setTimeout(() => entry.reject(new RealtimeError('timeout')), timeoutMs);
      this.pending.add(entry);
      socket.emit(event, payload, (ack: unknown) => {
        clearTimeout(timer);
        if (!this.pending.delete(entry)) return; // already timed out or failed
        resolve(ack);
      });
    });
  }

  private bind(event: string): void {
    if (!this.socket || this.bound.has(event)) return;
    const dispatch = (payload: unknown) => {
      for (const handler of [...(this.handlers.get(event) ?? [])]) handler(payload);
    };
    this.bound.set(event, dispatch);
    this.socket.on(event, dispatch);
  }

  private setStatus(next: RealtimeStatus): void {
    if (this.status === next) return;
    this.status = next;
    for (const listener of [...this.statusListeners]) listener();
  }

  private failPending(code: string): void {
    for (const entry of [...this.pending]) entry.reject(new RealtimeError(code));
  }

  private async authPayload(): Promise<{ token: string }> {
    let token: string | null = null;
    try {
      token = await freshAccessToken();
    } catch {
      // Refresh failed for now (offline, 5xx): try the token we have; the server decides.
      token = getSession()?.accessToken ?? null;
    }
    this.lastSentToken = token;
    return { token: token ?? '' };
  }

  private onConnect = () => {
    this.everConnected = true;
    this.authFailures = 0;
    this.sessionExpired = false;
    this.setStatus('connected');
  };

  private onDisconnect = (reason: unknown) => {
    this.failPending('disconnected');
    if (!this.socket) return;
    if (reason === 'io server disconnect') {
      // The server closed the socket; socket.io will not retry by itself.
      if (this.sessionExpired) {
        this.sessionExpired = false;
        this.setStatus('reconnecting');
        void this.refreshAndConnect(true);
      } else {
        this.setStatus('offline');
      }
      return;
    }
    if (reason === 'io client disconnect') {
      this.setStatus('offline');
      return;
    }
    this.setStatus('reconnecting');
  };

  private onConnectError = (error: unknown) => {
    if (!this.socket) return;
    if (isUnauthorized(error)) {
      this.setStatus(this.everConnected ? 'reconnecting' : 'connecting');
      void this.refreshAndConnect(false);
      return;
    }
    // A transport error while the manager keeps retrying, or a refusal it will not retry.
    if (this.socket.active) this.setStatus(this.everConnected ? 'reconnecting' : 'connecting');
    else this.setStatus('offline');
  };

  private onSessionExpired = () => {
    this.sessionExpired = true;
  };

  /**
   * Refreshes the access token through the API client (shared with REST calls, so a refresh
   * token is spent once) and connects again. `force`: the server said the session expired, so
   * refresh even if the clock says the token is still good.
   */
  private async refreshAndConnect(force: boolean): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.authFailures += 1;
    const session = getSession();
    if (this.authFailures > MAX_AUTH_FAILURES || !session) {
      this.setStatus('offline');
      return;
    }
    // If a REST call already rotated the token, the new one is worth a try as it is.
    if (force || session.accessToken === this.lastSentToken) {
      let refreshed;
      try {
        refreshed = await refreshSession(session.refreshToken);
      } catch {
        // Server briefly unavailable: try again a little later.
        if (this.socket !== socket) return;
        this.retryTimer = setTimeout(() => void this.refreshAndConnect(force), 2_000 * this.authFailures);
        return;
      }
      // Stopped meanwhile (log-out), or the refresh token is dead: the guard ends the session.
      if (this.socket !== socket) return;
      if (!refreshed) {
        this.setStatus('offline');
        return;
      }
    }
    if (this.socket !== socket || socket.connected) return;
    socket.connect();
  }
}

/** The server refuses a token with `connect_error` "unauthorized" and `data.code` 401. */
export function isUnauthorized(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const data = (error as Error & { data?: { code?: unknown } }).data;
  return error.message === 'unauthorized' || data?.code === 401;
}

/** The real thing: same origin, path /socket.io/, WebSocket first. */
export const socketIoFactory: SocketFactory = ({ auth }) =>
  io({
    path: '/socket.io/',
    auth,
    transports: ['websocket', 'polling'],
    autoConnect: false,
    // A fresh manager per sign-in: nothing from the previous user's connection is reused.
    forceNew: true,
  }) as unknown as SocketLike;
