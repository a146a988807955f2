export const chatKeys = {
  all: ['chats'] as const,
  list: () => ['chats', 'list'] as const,
  details: () => ['chats', 'detail'] as const,
  detail: (id: string) => ['chats', 'detail', id] as const,
  allMessages: () => ['chats', 'messages'] as const,
  messages: (id: string) => ['chats', 'messages', id] as const,
  typing: (id: string) => ['chats', 'typing', id] as const,
};
