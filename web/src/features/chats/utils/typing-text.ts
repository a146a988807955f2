import type { Translate } from '@/lib/i18n';
import type { Chat } from '@/features/chats/types/chat';

/** "Анна печатает…" / "Анна, Олег печатают…"; null when nobody types. */
export function typingText(chat: Chat, userIds: readonly string[], t: Translate): string | null {
  const names = userIds
    .map((id) => chat.participants.find((p) => p.user_id === id)?.display_name)
    .filter((name): name is string => Boolean(name));
  if (names.length === 0) return null;
  if (names.length === 1) return t('chats.typing_one', { name: names[0]! });
  return t('chats.typing_many', { names: names.join(', ') });
}
