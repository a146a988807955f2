import { useState } from 'react';
import { Photo } from '@/components/ui/photo';
import { PhotoViewer } from '@/components/ui/photo-viewer';
import { usePortfolio } from '@/features/portfolio/api/get-portfolio';
import { useI18n } from '@/lib/i18n';
import '@/features/portfolio/styles/portfolio.css';

/** A master's photos on their public page: a grid; a photo opens full screen. Nothing when there are none. */
export function PortfolioGallery({ masterId, masterName }: { masterId: string; masterName: string }) {
  const { t } = useI18n();
  const portfolio = usePortfolio(masterId);
  const [open, setOpen] = useState<number | null>(null);
  const items = portfolio.data?.items.filter((i) => i.media.variants !== null) ?? [];
  if (items.length === 0) return null;
  const nameOf = (caption: string, index: number) => caption || t('portfolio.photo_n', { n: index + 1 });
  return (
    <section className="card" aria-labelledby="portfolio-title" data-testid="portfolio-gallery">
      <h2 id="portfolio-title" className="card__subtitle">
        {t('portfolio.title')}
      </h2>
      <ul className="portfolio-grid">
        {items.map((item, index) => (
          <li key={item.id} className="portfolio-grid__cell">
            <button
              type="button"
              className="portfolio-grid__button"
              onClick={() => setOpen(index)}
              aria-label={t('portfolio.open', { name: nameOf(item.caption, index) })}
              data-testid="portfolio-thumb"
            >
              <Photo photo={item.media} alt="" sizes="(min-width: 640px) 200px, 33vw" />
            </button>
          </li>
        ))}
      </ul>
      {open !== null && (
        <PhotoViewer
          items={items.map((item, index) => ({ id: item.id, photo: item.media, alt: nameOf(item.caption, index), caption: item.caption }))}
          index={open}
          onIndexChange={setOpen}
          onClose={() => setOpen(null)}
          label={t('portfolio.viewer.label', { name: masterName })}
        />
      )}
    </section>
  );
}
