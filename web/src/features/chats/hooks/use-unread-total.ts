import { useChats } from '@/features/chats/api/get-chats';

/** Unread messages over the loaded chats, for the navigation badge. */
export function useUnreadTotal(): number {
  const chats = useChats();
  return chats.data?.pages.reduce((sum, page) => sum + page.items.reduce((s, c) => s + c.unread_count, 0), 0) ?? 0;
}
