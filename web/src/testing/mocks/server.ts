import { setupServer } from 'msw/node';
import { chatsHandlers } from '@/testing/mocks/chats-handlers';
import { handlers } from '@/testing/mocks/handlers';
import { marketplaceHandlers } from '@/testing/mocks/marketplace-handlers';
import { mediaHandlers } from '@/testing/mocks/media-handlers';
import { notificationsHandlers } from '@/testing/mocks/notifications-handlers';
import { postsHandlers } from '@/testing/mocks/posts-handlers';
import { searchHandlers } from '@/testing/mocks/search-handlers';
import { socialHandlers } from '@/testing/mocks/social-handlers';

export const server = setupServer(...handlers, ...mediaHandlers, ...marketplaceHandlers, ...chatsHandlers, ...notificationsHandlers, ...postsHandlers, ...socialHandlers, ...searchHandlers);
