import type { ReactNode } from 'react';
import { Brand } from '@/components/layouts/auth-layout';
import { LanguageSwitch } from '@/components/ui/language-switch';

/** The signed-in shell; the app layer passes feature actions (log-out) into `actions`. */
export function AppLayout({ actions, children }: { actions?: ReactNode; children: ReactNode }) {
  return (
    <div className="app-layout">
      <header className="app-header">
        <div className="app-header__inner">
          <Brand />
          <div className="app-header__actions">
            <LanguageSwitch />
            {actions}
          </div>
        </div>
      </header>
      <main className="app-main">{children}</main>
    </div>
  );
}
