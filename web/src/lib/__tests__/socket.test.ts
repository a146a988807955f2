import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Realtime, RealtimeError } from '@/lib/socket';
import { getSession } from '@/lib/token-store';
import { FakeSocketServer } from '@/testing/fake-socket';
import { db, expireAllAccessTokens } from '@/testing/mocks/db';
import { seedUser } from '@/testing/test-utils';

let realtime: Realtime | null = null;

function start(sockets = new FakeSocketServer()) {
  realtime = new Realtime(sockets.factory);
  realtime.start();
  return { sockets, realtime };
}

afterEach(() => {
  realtime?.stop();
  realtime = null;
});

describe('realtime connection', () => {
  it('connects with the current access token', async () => {
    seedUser({}, { loggedIn: true });
    const { sockets, realtime } = start();
    expect(realtime.getStatus()).toBe('connecting');
    await waitFor(() => expect(realtime.getStatus()).toBe('connected'));
    expect(sockets.tokens).toEqual([getSession()!.accessToken]);
  });

  it('refreshes the token and reconnects after connect_error "unauthorized"', async () => {
    seedUser({}, { loggedIn: true });
    const stale = getSession()!.accessToken;
    expireAllAccessTokens(); // the server refuses it; the client does not know yet
    const { sockets, realtime } = start();

    await waitFor(() => expect(realtime.getStatus()).toBe('connected'));
    expect(db.calls.refresh).toBe(1);
    const fresh = getSession()!.accessToken;
    expect(fresh).not.toBe(stale);
    expect(sockets.tokens).toEqual([stale, fresh]);
    // Same socket, connected again (socket.io does not retry a middleware refusal by itself).
    expect(sockets.sockets).toHaveLength(1);
  });

  it('refreshes and reconnects when the server ends the session with session:expired', async () => {
    seedUser({}, { loggedIn: true });
    const { sockets, realtime } = start();
    await waitFor(() => expect(realtime.getStatus()).toBe('connected'));
    const before = getSession()!.accessToken;

    sockets.push('session:expired', {});
    sockets.kick();
    expect(realtime.getStatus()).toBe('reconnecting');

    await waitFor(() => expect(realtime.getStatus()).toBe('connected'));
    expect(db.calls.refresh).toBe(1);
    expect(sockets.tokens.at(-1)).toBe(getSession()!.accessToken);
    expect(sockets.tokens.at(-1)).not.toBe(before);
  });

  it('gives up after the token is refused again and again', async () => {
    seedUser({}, { loggedIn: true });
    const sockets = new FakeSocketServer();
    sockets.authorize = () => false;
    const { realtime } = start(sockets);

    await waitFor(() => expect(realtime.getStatus()).toBe('offline'));
    expect(db.calls.refresh).toBe(3);
    expect(sockets.tokens).toHaveLength(4);
  });

  it('stays offline after a server disconnect that is not about the session', async () => {
    seedUser({}, { loggedIn: true });
    const { sockets, realtime } = start();
    await waitFor(() => expect(realtime.getStatus()).toBe('connected'));
    sockets.kick();
    expect(realtime.getStatus()).toBe('offline');
    realtime.reconnect();
    await waitFor(() => expect(realtime.getStatus()).toBe('connected'));
  });

  it('dispatches server events and fails pending acks when the connection drops', async () => {
    seedUser({}, { loggedIn: true });
    const { sockets, realtime } = start();
    const seen: unknown[] = [];
    realtime.on('presence', (payload) => seen.push(payload));
    await waitFor(() => expect(realtime.getStatus()).toBe('connected'));

    sockets.push('presence', { user_id: 'u1', online: true, last_seen_at: null });
    expect(seen).toEqual([{ user_id: 'u1', online: true, last_seen_at: null }]);

    sockets.holdSendAcks = true;
    const pending = realtime.request('message:send', { chat_id: 'c1' });
    sockets.drop();
    await expect(pending).rejects.toEqual(new RealtimeError('disconnected'));
    expect(realtime.getStatus()).toBe('reconnecting');
    expect(realtime.emit('typing', {})).toBe(false);
    await expect(realtime.request('message:read', {})).rejects.toBeInstanceOf(RealtimeError);

    sockets.reconnect();
    await waitFor(() => expect(realtime.getStatus()).toBe('connected'));
  });
});
