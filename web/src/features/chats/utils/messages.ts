import type { Chat, Message, MessagesState, Participant } from '@/features/chats/types/chat';

/**
 * Merges `incoming` into `existing` by seq (both ascending). A later copy of the same message
 * (an edit, a delete) replaces the earlier one; nothing is duplicated or dropped.
 */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return existing as Message[];
  const bySeq = new Map<number, Message>();
  for (const m of existing) bySeq.set(m.seq, m);
  for (const m of incoming) {
    const old = bySeq.get(m.seq);
    bySeq.set(m.seq, old ? newerOf(old, m) : m);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Of two copies of one message, the one that reflects the most changes. */
function newerOf(a: Message, b: Message): Message {
  if (a.deleted !== b.deleted) return a.deleted ? a : b;
  if ((a.edited_at ?? '') !== (b.edited_at ?? '')) return (a.edited_at ?? '') > (b.edited_at ?? '') ? a : b;
  return b;
}

export function maxSeq(items: readonly Message[]): number {
  return items.length > 0 ? items[items.length - 1]!.seq : 0;
}

export function minSeq(items: readonly Message[]): number | null {
  return items.length > 0 ? items[0]!.seq : null;
}

export const emptyMessagesState = (): MessagesState => ({ items: [], hasOlder: false, pending: [] });

/** Adds stored messages and drops the outgoing copies they replace. */
export function withMessages(state: MessagesState, incoming: readonly Message[]): MessagesState {
  const ids = new Set(incoming.map((m) => m.client_msg_id).filter(Boolean));
  return {
    ...state,
    items: mergeMessages(state.items, incoming),
    pending: ids.size > 0 ? state.pending.filter((p) => !ids.has(p.client_msg_id)) : state.pending,
  };
}

export type Receipt = 'sent' | 'delivered' | 'read';

/** What the others did with my message `seq`: every other participant must have got/read it. */
export function receiptOf(seq: number, participants: readonly Participant[], meId: string): Receipt {
  const others = participants.filter((p) => p.user_id !== meId);
  if (others.length === 0) return 'sent';
  if (others.every((p) => (p.read_seq ?? 0) >= seq)) return 'read';
  if (others.every((p) => Math.max(p.delivered_seq ?? 0, p.read_seq ?? 0) >= seq)) return 'delivered';
  return 'sent';
}

/** The calendar day of an instant in the browser's zone, "YYYY-MM-DD". */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export type DayGroup<T> = { day: string; items: T[] };

/** Consecutive items of the same local day, in order. */
export function groupByDay<T extends { created_at: string }>(items: readonly T[]): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const day = localDay(item.created_at);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** The other person of a direct chat (null for groups or a chat with oneself). */
export function otherParticipant(chat: Chat, meId: string | undefined): Participant | null {
  if (chat.kind !== 'direct') return null;
  return chat.participants.find((p) => p.user_id !== meId) ?? null;
}

/** A group's title, or the other person's name in a direct chat. */
export function chatTitle(chat: Chat, meId: string | undefined): string {
  if (chat.kind === 'group') {
    if (chat.title) return chat.title;
    return chat.participants
      .filter((p) => p.user_id !== meId)
      .map((p) => p.display_name)
      .join(', ');
  }
  return otherParticipant(chat, meId)?.display_name ?? chat.participants[0]?.display_name ?? '';
}

/**
 * The image of a message from before photos were uploaded: its content was an http(s) URL or
 * a path on this site. Anything else (javascript:, data:, //other.host) is not shown as an image.
 */
export function legacyImageUrl(content: string): string | null {
  if (isWebUrl(content)) return content;
  return content.startsWith('/') && !content.startsWith('//') ? content : null;
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
