import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { toast } from '@/components/ui/toaster';
import { resetApiClientForTests } from '@/lib/api-client';
import { initLanguage } from '@/lib/i18n';
import { installJsdomFetchBodies } from '@/testing/jsdom-fetch-bodies';
import { installObjectUrls, resetObjectUrls } from '@/testing/object-urls';
import { resetChatsDb } from '@/testing/mocks/chats-db';
import { resetDb } from '@/testing/mocks/db';
import { resetMarketplaceDb } from '@/testing/mocks/marketplace-db';
import { resetMediaDb } from '@/testing/mocks/media-db';
import { resetNotificationsDb } from '@/testing/mocks/notifications-db';
import { resetPostsDb } from '@/testing/mocks/posts-db';
import { resetFeedLocationForTests } from '@/features/feed/hooks/use-feed-location';
import { resetSearchDb } from '@/testing/mocks/search-db';
import { server } from '@/testing/mocks/server';
import { resetSocialDb } from '@/testing/mocks/social-db';

// A route's lazy chunk is transformed on its first import in a test file; on a busy machine
// that alone can take longer than Testing Library's default second for findBy/waitFor.
configure({ asyncUtilTimeout: 3000 });

// A busy machine (the server compiling next door) can take more than the default second to
// load a route's chunk and answer its first requests; a real failure still fails, later.
configure({ asyncUtilTimeout: 4000 });

let uninstallFetchBodies = () => {};
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // After MSW has patched fetch, so that MSW sees Node's own Blob/FormData.
  uninstallFetchBodies = installJsdomFetchBodies();
  installObjectUrls();
  // jsdom does not scroll (and says "not implemented"); the feed scrolls to the top.
  window.scrollTo = () => {};
});

beforeEach(() => {
  window.localStorage.clear();
  initLanguage();
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetDb();
  resetMarketplaceDb();
  resetChatsDb();
  resetMediaDb();
  resetNotificationsDb();
  resetPostsDb();
  resetFeedLocationForTests();
  resetSocialDb();
  resetSearchDb();
  resetObjectUrls();
  resetApiClientForTests();
  toast.clear();
});

afterAll(() => {
  uninstallFetchBodies();
  server.close();
});
