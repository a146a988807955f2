import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { QueryErrorAlert } from '@/components/ui/query-error';
import { PageSpinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toaster';
import { useDeactivateService } from '@/features/masters/api/deactivate-service';
import { useMyServices } from '@/features/masters/api/get-my-services';
import { useUpdateService } from '@/features/masters/api/update-service';
import { ServiceForm } from '@/features/masters/components/service-form';
import { categoryLabel } from '@/features/masters/utils/category-name';
import { formatDuration, formatMoney } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem';
import type { Category, Service } from '@/types/api';
import '@/features/masters/styles/masters.css';

type Props = { categories: readonly Category[]; preferredCategoryIds: readonly string[] };

/** The master's price list: add, edit, hide (deactivate) and bring back services. */
export function ServicesEditor({ categories, preferredCategoryIds }: Props) {
  const { t, lang } = useI18n();
  const services = useMyServices();
  const deactivate = useDeactivateService();
  const update = useUpdateService();
  // 'new', a service id, or null.
  const [editing, setEditing] = useState<string | null>(null);
  const byId = new Map(categories.map((c) => [c.id, c]));

  const done = (message: string) => {
    setEditing(null);
    toast.success(message);
  };

  const hide = (service: Service) =>
    deactivate.mutate(service.id, {
      onSuccess: () => toast.success(t('workspace.services.hidden', { name: service.name })),
      onError: (error) => toast.error(problemMessage(error, t)),
    });
  const restore = (service: Service) =>
    update.mutate(
      { id: service.id, patch: { active: true } },
      {
        onSuccess: () => toast.success(t('workspace.services.restored', { name: service.name })),
        onError: (error) => toast.error(problemMessage(error, t)),
      },
    );

  if (services.isPending) return <PageSpinner label={t('common.loading')} />;
  if (services.isError) return <QueryErrorAlert query={services} />;

  const items = [...services.data.items].sort((a, b) => Number(b.active) - Number(a.active));
  return (
    <div className="services-editor" data-testid="services-editor">
      {editing === 'new' ? (
        <ServiceForm
          service={null}
          categories={categories}
          preferredCategoryIds={preferredCategoryIds}
          onDone={() => done(t('workspace.services.created'))}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <Button onClick={() => setEditing('new')} data-testid="add-service">
          {t('workspace.services.add')}
        </Button>
      )}

      {items.length === 0 && editing !== 'new' && (
        <p className="muted empty" data-testid="services-empty">
          {t('workspace.services.empty')}
        </p>
      )}
      <ul className="service-list stack-list">
        {items.map((s) =>
          editing === s.id ? (
            <li key={s.id} className="service-item service-item--editing">
              <ServiceForm
                service={s}
                categories={categories}
                preferredCategoryIds={preferredCategoryIds}
                onDone={() => done(t('workspace.services.saved'))}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li
              key={s.id}
              className={`service-item${s.active ? '' : ' service-item--inactive'}`}
              data-testid="my-service"
            >
              <div className="service-item__body">
                <p className="service-item__name">
                  {s.name}{' '}
                  {!s.active && <span className="badge badge--muted">{t('workspace.services.inactive')}</span>}
                </p>
                <p className="service-item__meta">
                  <span className="service-item__price">{formatMoney(s.price_minor, s.currency, lang)}</span>
                  <span className="muted">{formatDuration(s.duration_min, lang)}</span>
                  {byId.get(s.category_id) && (
                    <span className="muted">{categoryLabel(byId.get(s.category_id)!, lang)}</span>
                  )}
                </p>
              </div>
              <div className="service-item__actions">
                <Button variant="secondary" size="sm" onClick={() => setEditing(s.id)}>
                  {t('workspace.services.edit')}
                </Button>
                {s.active ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    loading={deactivate.isPending && deactivate.variables === s.id}
                    onClick={() => hide(s)}
                  >
                    {t('workspace.services.hide')}
                  </Button>
                ) : (
                  <Button
                    variant="ghost"
                    size="sm"
                    loading={update.isPending && update.variables?.id === s.id}
                    onClick={() => restore(s)}
                  >
                    {t('workspace.services.restore')}
                  </Button>
                )}
              </div>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
