import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { useCreateService } from '@/features/masters/api/create-service';
import { useUpdateService } from '@/features/masters/api/update-service';
import { categoryOptionGroups } from '@/features/masters/utils/category-name';
import {
  buildCreateServiceInput,
  buildServicePatch,
  DURATION_CHOICES,
  SERVICE_ALIASES,
  serviceFormSchema,
  toServiceFormValues,
} from '@/features/masters/utils/service-form-values';
import { formatDuration, formatMoney, parseMoneyInput } from '@/lib/format';
import { useForm } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import type { Category, Service } from '@/types/api';
import '@/features/masters/styles/masters.css';

type Props = {
  /** null creates a new service. */
  service: Service | null;
  categories: readonly Category[];
  /** Categories of the master's profile, offered first. */
  preferredCategoryIds: readonly string[];
  onDone: (service: Service | null) => void;
  onCancel: () => void;
};

export function ServiceForm({ service, categories, preferredCategoryIds, onDone, onCancel }: Props) {
  const { t, lang } = useI18n();
  const create = useCreateService();
  const update = useUpdateService();
  const form = useForm({
    schema: serviceFormSchema,
    defaults: () => toServiceFormValues(service, lang, preferredCategoryIds[0] ?? ''),
    aliases: SERVICE_ALIASES,
    onSubmit: (_data, values) => {
      if (!service) return create.mutateAsync(buildCreateServiceInput(values)).then(onDone);
      const patch = buildServicePatch(values, service);
      if (Object.keys(patch).length === 0) return onDone(service);
      return update.mutateAsync({ id: service.id, patch }).then(onDone);
    },
  });
  const { values, register } = form;

  const priceMinor = parseMoneyInput(values.price);
  const durations = [...DURATION_CHOICES] as number[];
  const currentDuration = Number(values.duration_min);
  if (Number.isInteger(currentDuration) && !durations.includes(currentDuration)) {
    durations.push(currentDuration);
    durations.sort((a, b) => a - b);
  }
  const preferred = categories.filter((c) => preferredCategoryIds.includes(c.id));

  return (
    <form {...form.formProps} className="form service-form" data-testid="service-form">
      {form.formError && <Alert data-testid="form-error">{form.formError}</Alert>}
      <TextField label={t('workspace.services.name')} maxLength={100} {...register('name')} />
      <TextArea label={t('workspace.services.description')} maxLength={1000} {...register('description')} />
      <SelectField label={t('masters.category')} {...register('category_id')}>
        <option value="">{t('workspace.services.pick_category')}</option>
        {preferred.length > 0 && (
          <optgroup label={t('workspace.services.my_categories')}>
            {preferred.map((c) => (
              <option key={`mine-${c.id}`} value={c.id}>
                {lang === 'en' ? c.name_en : c.name_ru}
              </option>
            ))}
          </optgroup>
        )}
        {categoryOptionGroups(categories, lang).map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options
              .filter((o) => !preferredCategoryIds.includes(o.id))
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <div className="form__grid">
        <TextField
          label={t('workspace.services.price')}
          inputMode="decimal"
          placeholder="1500"
          {...register('price')}
          hint={priceMinor !== null ? formatMoney(priceMinor, 'RUB', lang) : undefined}
        />
        <SelectField label={t('workspace.services.duration')} {...register('duration_min')}>
          {durations.map((d) => (
            <option key={d} value={d}>
              {formatDuration(d, lang)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form__row-actions">
        <Button variant="ghost" onClick={onCancel} data-testid="cancel-service">
          {t('profile.cancel')}
        </Button>
        <Button type="submit" loading={form.submitting} data-testid="save-service">
          {form.submitting ? t('profile.saving') : t('profile.save')}
        </Button>
      </div>
    </form>
  );
}
