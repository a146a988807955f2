import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { useI18n } from '@/lib/i18n';

export function Brand() {
  const { t } = useI18n();
  return (
    <Link to="/" className="brand">
      <span className="brand__mark" aria-hidden="true">
        S
      </span>
      <span className="brand__name">{t('app.name')}</span>
    </Link>
  );
}

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth-layout">
      <header className="auth-layout__top">
        <Brand />
        <LanguageSwitch />
      </header>
      <main className="auth-layout__main">
        <section className="card auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title" className="auth-card__title" data-testid="page-title">
            {title}
          </h1>
          {subtitle && <p className="auth-card__subtitle">{subtitle}</p>}
          {children}
        </section>
        <p className="auth-layout__tagline">{t('app.tagline')}</p>
      </main>
    </div>
  );
}
