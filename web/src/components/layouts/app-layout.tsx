import type { ReactNode } from 'react';
import { Brand } from '@/components/layouts/auth-layout';
import { LanguageSwitch } from '@/components/ui/language-switch';

type AppLayoutProps = { search?: ReactNode; actions?: ReactNode; nav?: ReactNode; children: ReactNode };

/**
 * The signed-in shell; the app layer passes the search box into `search`, feature actions
 * (log-out) into `actions` and the main navigation into `nav`: a tab bar fixed to the bottom
 * of a phone, a row under the header on wider screens. (It sits outside the header: the
 * header's backdrop-filter would make it the containing block of a fixed element.) On a
 * phone the search box takes a row of its own under the brand and the actions.
 */
export function AppLayout({ search, actions, nav, children }: AppLayoutProps) {
  return (
    <div className={`app-layout${nav ? ' app-layout--with-nav' : ''}`}>
      <header className="app-header">
        <div className="app-header__inner">
          <Brand />
          {search && <div className="app-header__search">{search}</div>}
          <div className="app-header__actions">
            <LanguageSwitch />
            {actions}
          </div>
        </div>
      </header>
      {nav}
      <main className="app-main">{children}</main>
    </div>
  );
}
