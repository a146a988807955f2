import { useEffect } from 'react';

/**
 * /docs is a static page (public/docs/) served by the backend. If a server or dev proxy
 * falls back to the SPA for it, load the real file instead of showing "not found".
 */
export function DocsRedirect() {
  useEffect(() => {
    window.location.replace('/docs/index.html');
  }, []);
  return null;
}
