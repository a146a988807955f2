import { Alert } from '@/components/ui/alert';
import { toast } from '@/components/ui/toaster';
import { useWorkspace } from '@/app/routes/app/workspace/workspace-layout';
import { PhotoUploadQueue } from '@/features/media/components/photo-upload-queue';
import { useAddPortfolioItem } from '@/features/portfolio/api/add-portfolio-item';
import { MAX_PORTFOLIO_ITEMS, usePortfolio } from '@/features/portfolio/api/get-portfolio';
import { PortfolioEditor } from '@/features/portfolio/components/portfolio-editor';
import { useI18n } from '@/lib/i18n';
import '@/features/portfolio/styles/portfolio.css';

/** The master's portfolio: several photos uploaded at once (media), then captioned, ordered and deleted (portfolio). */
export function WorkspacePortfolioRoute() {
  const { t } = useI18n();
  const { profile } = useWorkspace();
  const portfolio = usePortfolio(profile.id);
  const add = useAddPortfolioItem(profile.id);
  const count = portfolio.data?.items.length ?? 0;
  const remaining = MAX_PORTFOLIO_ITEMS - count;
  return (
    <section className="card" aria-label={t('workspace.tabs.portfolio')}>
      <h2 className="card__subtitle">{t('portfolio.add')}</h2>
      <p className="muted">{t('portfolio.add_hint')}</p>
      {portfolio.data &&
        (remaining > 0 ? (
          <PhotoUploadQueue
            purpose="portfolio"
            remaining={remaining}
            label={t('portfolio.add')}
            allowPaste
            onUploaded={async (media) => {
              await add.mutateAsync({ media_id: media.id });
              toast.success(t('portfolio.added'));
            }}
          />
        ) : (
          <Alert tone="info" title={t('portfolio.full')} data-testid="portfolio-full" />
        ))}
      <PortfolioEditor masterId={profile.id} />
    </section>
  );
}
