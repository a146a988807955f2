import { sendMessageInputSchema } from '@/features/chats/api/send-message';
import type { SocketAuth, SocketFactory, SocketLike } from '@/lib/socket';
import { cdb, isMember, moveMarks } from '@/testing/mocks/chats-db';
import { isBlockedBetween, storeMessage } from '@/testing/mocks/chats-handlers';
import { db, userForAccessToken } from '@/testing/mocks/db';

// A stand-in for socket.io-client plus the server end of it. The app gets sockets from
// `FakeSocketServer.factory`; a test plays the server: accept or refuse handshakes, push
// events, drop the connection, answer acks (by default from the chats mock db).

type Listener = (...args: unknown[]) => void;
type Ack = (response: unknown) => void;

export type ClientEmit = {
  event: string;
  payload: unknown;
  ack: Ack | undefined;
  userId: string | undefined;
  /** An ack was sent back. */
  answered: boolean;
};

export class FakeSocket implements SocketLike {
  connected = false;
  active = false;
  /** The user whose token the last accepted handshake carried. */
  userId: string | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly server: FakeSocketServer,
    private readonly auth: SocketAuth,
  ) {}

  on(event: string, listener: Listener) {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  off(event: string, listener?: Listener) {
    if (listener) this.listeners.get(event)?.delete(listener);
    else this.listeners.delete(event);
    return this;
  }

  emit(event: string, ...args: unknown[]) {
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as Ack) : undefined;
    this.server.receive(this, { event, payload: args[0], ack, userId: this.userId, answered: false });
    return this;
  }

  connect() {
    if (this.connected) return this;
    this.active = true;
    this.handshake();
    return this;
  }

  disconnect() {
    const was = this.connected;
    this.active = false;
    this.connected = false;
    if (was) this.fire('disconnect', 'io client disconnect');
    return this;
  }

  /** Delivers an event to the app's listeners. */
  fire(event: string, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  /** What socket.io does on connect and on every automatic reconnect: ask for auth, then handshake. */
  handshake() {
    this.auth(({ token }) => {
      this.server.tokens.push(token);
      setTimeout(() => this.server.decide(this, token), 0);
    });
  }
}

export class FakeSocketServer {
  readonly sockets: FakeSocket[] = [];
  /** Tokens sent by every handshake, in order. */
  readonly tokens: string[] = [];
  /** Everything the app emitted. */
  readonly received: ClientEmit[] = [];
  /** Handshakes are accepted when this says so; by default when the mock db knows the token. */
  authorize: (token: string) => boolean = (token) => Boolean(userForAccessToken(`Bearer ${token}`));
  /** When true, acks of message:send wait for `ackSend()`. */
  holdSendAcks = false;

  readonly factory: SocketFactory = ({ auth }) => {
    const socket = new FakeSocket(this, auth);
    this.sockets.push(socket);
    return socket;
  };

  /** The socket the app uses now. */
  get socket(): FakeSocket {
    const socket = this.sockets[this.sockets.length - 1];
    if (!socket) throw new Error('the app has not created a socket');
    return socket;
  }

  decide(socket: FakeSocket, token: string) {
    if (!socket.active) return;
    if (this.authorize(token)) {
      socket.userId = userForAccessToken(`Bearer ${token}`)?.id;
      socket.connected = true;
      socket.fire('connect');
    } else {
      // A middleware refusal: socket.io gives up until connect() is called again.
      socket.active = false;
      socket.fire('connect_error', Object.assign(new Error('unauthorized'), { data: { code: 401 } }));
    }
  }

  /** Server → client event. */
  push(event: string, payload: unknown) {
    this.socket.fire(event, payload);
  }

  /** The transport closed (network blip); socket.io will reconnect by itself: see `reconnect()`. */
  drop() {
    const socket = this.socket;
    socket.connected = false;
    socket.fire('disconnect', 'transport close');
  }

  /** socket.io's automatic reconnection after `drop()`. */
  reconnect() {
    this.socket.handshake();
  }

  /** The server closes the connection (e.g. after `session:expired`). */
  kick() {
    const socket = this.socket;
    socket.connected = false;
    socket.active = false;
    socket.fire('disconnect', 'io server disconnect');
  }

  emitted(event: string): ClientEmit[] {
    return this.received.filter((e) => e.event === event);
  }

  /** Answers a held message:send like the server would. */
  ackSend(index = 0) {
    const entry = this.emitted('message:send').filter((e) => !e.answered)[index];
    if (!entry) throw new Error('no held message:send');
    entry.answered = true;
    entry.ack?.(this.handleSend(entry));
  }

  receive(socket: FakeSocket, emit: ClientEmit) {
    this.received.push(emit);
    if (!socket.connected) return;
    if (emit.event === 'message:send') {
      if (this.holdSendAcks) return;
      emit.answered = true;
      const response = this.handleSend(emit);
      setTimeout(() => emit.ack?.(response), 0);
      return;
    }
    if (emit.event === 'message:read' || emit.event === 'message:delivered') {
      const { chat_id, up_to_seq } = emit.payload as { chat_id: string; up_to_seq: number };
      const kind = emit.event === 'message:read' ? 'read' : 'delivered';
      (kind === 'read' ? cdb.calls.reads : cdb.calls.delivered).push({ chatId: chat_id, up_to_seq, via: 'socket' });
      const marks = emit.userId ? moveMarks(chat_id, emit.userId, kind, up_to_seq) : null;
      setTimeout(() => emit.ack?.({ status: 'ok', ...marks }), 0);
    }
  }

  private handleSend(emit: ClientEmit): unknown {
    const chatId = (emit.payload as { chat_id?: unknown } | null)?.chat_id;
    const parsed = sendMessageInputSchema.safeParse(emit.payload);
    if (!parsed.success) return { status: 'error', error: { code: 'validation_failed', message: 'Validation failed' } };
    const input = parsed.data;
    const chat = typeof chatId === 'string' ? cdb.chats.get(chatId) : undefined;
    const user = emit.userId ? db.users.get(emit.userId) : undefined;
    if (!chat || !user || !isMember(chat, user.id)) {
      return { status: 'error', error: { code: 'not_found', message: 'Chat not found' } };
    }
    if (chat.participant_ids.some((id) => id !== user.id && isBlockedBetween(id, user.id))) {
      return { status: 'error', error: { code: 'blocked', message: 'Blocked' } };
    }
    const stored = storeMessage(chat, user, input);
    if ('refused' in stored) {
      return { status: 'error', error: { code: 'validation_failed', message: 'media_id: not a ready chat photo of yours' } };
    }
    const { message } = stored;
    return { status: 'sent', message_id: message.id, seq: message.seq, created_at: message.created_at };
  }
}
