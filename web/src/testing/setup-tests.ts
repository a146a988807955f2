import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { toast } from '@/components/ui/toaster';
import { resetApiClientForTests } from '@/lib/api-client';
import { initLanguage } from '@/lib/i18n';
import { resetChatsDb } from '@/testing/mocks/chats-db';
import { resetDb } from '@/testing/mocks/db';
import { resetMarketplaceDb } from '@/testing/mocks/marketplace-db';
import { server } from '@/testing/mocks/server';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

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
  resetApiClientForTests();
  toast.clear();
});

afterAll(() => server.close());
