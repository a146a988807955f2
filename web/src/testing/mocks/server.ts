import { setupServer } from 'msw/node';
import { chatsHandlers } from '@/testing/mocks/chats-handlers';
import { handlers } from '@/testing/mocks/handlers';
import { marketplaceHandlers } from '@/testing/mocks/marketplace-handlers';

export const server = setupServer(...handlers, ...marketplaceHandlers, ...chatsHandlers);
