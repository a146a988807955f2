import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextArea } from '@/components/ui/text-area';
import { TextField } from '@/components/ui/text-field';
import { useCreateService } from '@/features/masters/api/create-service';
import { useUpdateService } from '@/features/masters/api/update-service';
import { categoryOptionGroups } from '@/features/masters/utils/category-name';
import {
  buildCreateServiceInput,
  buildServicePatch,
  DURATION_CHOICES,
  SERVICE_ALIASES,
  SERVICE_FIELDS,
  serviceFormSchema,
  toServiceFormValues,
  type ServiceFormValues,
} from '@/features/masters/utils/service-form-values';
import { formatDuration, formatMoney, parseMoneyInput } from '@/lib/format';
import { focusFirstError, useFormErrors } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import type { Category, Service } from '@/types/api';

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
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ServiceFormValues>(() =>
    toServiceFormValues(service, lang, preferredCategoryIds[0] ?? ''),
  );
  const errors = useFormErrors(SERVICE_FIELDS, SERVICE_ALIASES);
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    if (errors.errorVersion) focusFirstError(formRef.current);
  }, [errors.errorVersion]);

  const set = (field: keyof ServiceFormValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    errors.clearField(field);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = serviceFormSchema.safeParse(values);
    if (!parsed.success) {
      errors.setValidationError(parsed.error);
      return;
    }
    errors.reset();
    if (!service) {
      create.mutate(buildCreateServiceInput(values), { onSuccess: onDone, onError: errors.setServerError });
      return;
    }
    const patch = buildServicePatch(values, service);
    if (Object.keys(patch).length === 0) {
      onDone(service);
      return;
    }
    update.mutate({ id: service.id, patch }, { onSuccess: onDone, onError: errors.setServerError });
  };

  const priceMinor = parseMoneyInput(values.price);
  const durations = [...DURATION_CHOICES] as number[];
  const currentDuration = Number(values.duration_min);
  if (Number.isInteger(currentDuration) && !durations.includes(currentDuration)) {
    durations.push(currentDuration);
    durations.sort((a, b) => a - b);
  }
  const preferred = categories.filter((c) => preferredCategoryIds.includes(c.id));

  return (
    <form ref={formRef} className="form service-form" noValidate onSubmit={onSubmit} data-testid="service-form">
      {errors.formError && <Alert data-testid="form-error">{errors.formError}</Alert>}
      <TextField
        label={t('workspace.services.name')}
        name="name"
        maxLength={100}
        value={values.name}
        onChange={(e) => set('name', e.target.value)}
        error={errors.fieldErrors.name}
      />
      <TextArea
        label={t('workspace.services.description')}
        name="description"
        maxLength={1000}
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={errors.fieldErrors.description}
      />
      <SelectField
        label={t('masters.category')}
        name="category_id"
        value={values.category_id}
        onChange={(e) => set('category_id', e.target.value)}
        error={errors.fieldErrors.category_id}
      >
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
          name="price"
          inputMode="decimal"
          placeholder="1500"
          value={values.price}
          onChange={(e) => set('price', e.target.value)}
          error={errors.fieldErrors.price}
          hint={priceMinor !== null ? formatMoney(priceMinor, 'RUB', lang) : undefined}
        />
        <SelectField
          label={t('workspace.services.duration')}
          name="duration_min"
          value={values.duration_min}
          onChange={(e) => set('duration_min', e.target.value)}
          error={errors.fieldErrors.duration_min}
        >
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
        <Button type="submit" loading={pending} data-testid="save-service">
          {pending ? t('profile.saving') : t('profile.save')}
        </Button>
      </div>
    </form>
  );
}
