import { NavLink } from 'react-router';
import { useUnreadTotal } from '@/features/chats/hooks/use-unread-total';
import { useIncomingRequestsCount } from '@/features/social/api/get-friend-requests';
import { useUser } from '@/lib/auth';
import { useI18n, type MessageKey } from '@/lib/i18n';
import '@/features/chats/styles/chats.css';

type Item = { to: string; label: MessageKey; icon: string; testId: string; end?: boolean };

const FEED_ITEM: Item = {
  to: '/',
  label: 'nav.feed',
  icon: 'M4 4h7v7H4V4zm9 0h7v7h-7V4zM4 13h7v7H4v-7zm9 0h7v7h-7v-7z',
  testId: 'nav-feed',
  end: true,
};


const CLIENT_ITEMS: Item[] = [
  { to: '/masters', label: 'nav.search', icon: 'M10.5 4a6.5 6.5 0 1 0 4.03 11.6l4.43 4.44 1.41-1.41-4.43-4.44A6.5 6.5 0 0 0 10.5 4zm0 2a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9z', testId: 'nav-search' },
  { to: '/bookings', label: 'nav.bookings', icon: 'M7 2v2H5a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2H7zM5 9h14v10H5V9z', testId: 'nav-bookings' },
  { to: '/favorites', label: 'nav.favorites', icon: 'M12 21s-7.5-4.6-9.6-9.2C1 8.6 2.9 5 6.4 5c2.1 0 3.6 1.2 4.6 2.6C12 6.2 13.5 5 15.6 5 19.1 5 21 8.6 19.6 11.8 17.5 16.4 12 21 12 21z', testId: 'nav-favorites' },
  { to: '/chats', label: 'nav.chats', icon: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm3 5v2h10V9H7zm0 4v2h7v-2H7z', testId: 'nav-chats' },
  { to: '/profile', label: 'nav.profile', icon: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5z', testId: 'nav-profile' },
];

/** Masters only: opens the composer. */
const NEW_POST_ITEM: Item = {
  to: '/posts/new',
  label: 'nav.new_post',
  icon: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm1 4v4h4v2h-4v4h-2v-4H7v-2h4V7h2z',
  testId: 'nav-new-post',
};

const WORKSPACE_ITEM: Item = {
  to: '/workspace',
  label: 'nav.workspace',
  icon: 'M10 3h4a2 2 0 0 1 2 2v2h4a1 1 0 0 1 1 1v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a1 1 0 0 1 1-1h4V5a2 2 0 0 1 2-2zm0 4h4V5h-4v2z',
  testId: 'nav-workspace',
};

/** Main navigation: a tab bar at the bottom of a phone, links in the header on wider screens. */
export function AppNav() {
  const { t } = useI18n();
  const user = useUser();
  const unread = useUnreadTotal();
  const requests = useIncomingRequestsCount();
  // Chats show unread messages; the profile, friend requests waiting for an answer.
  const badges: Record<string, { count: number; testId: string; label: string }> = {
    '/chats': { count: unread, testId: 'nav-unread', label: t('nav.unread', { count: unread }) },
    '/profile': { count: requests, testId: 'nav-friend-requests', label: t('social.requests.waiting', { count: requests }) },
  };
  const items =
    user.data?.role === 'master'
      ? [FEED_ITEM, NEW_POST_ITEM, ...CLIENT_ITEMS.slice(0, 3), WORKSPACE_ITEM, ...CLIENT_ITEMS.slice(3)]
      : [FEED_ITEM, ...CLIENT_ITEMS];
  // A phone's tab bar has room for six labels; with more, the icons speak (the label stays for screen readers).
  const dense = items.length > 6;
  return (
    <nav className={`app-nav${dense ? ' app-nav--dense' : ''}`} aria-label={t('nav.label')} data-testid="app-nav">
      {items.map((item) => {
        const badge = badges[item.to];
        const shown = badge && badge.count > 0 ? badge : null;
        return (
          <NavLink key={item.to} to={item.to} end={item.end} className="app-nav__link" data-testid={item.testId}>
            <span className="app-nav__icon-wrap">
              <svg className="app-nav__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                <path d={item.icon} fill="currentColor" />
              </svg>
              {shown && (
                <span className="app-nav__badge" data-testid={shown.testId} aria-hidden="true">
                  {shown.count > 99 ? '99+' : shown.count}
                </span>
              )}
            </span>
            <span className="app-nav__label">{t(item.label)}</span>
            {shown && <span className="visually-hidden">{shown.label}</span>}
          </NavLink>
        );
      })}
    </nav>
  );
}
