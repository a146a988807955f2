import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextArea, TextField } from '@/components/ui/field';
import { CityField, CoordinateFields } from '@/components/ui/location-fields';
import { useUpsertMasterProfile } from '@/features/masters/api/upsert-master-profile';
import { CategoryPicker } from '@/features/masters/components/category-picker';
import {
  buildMasterProfileInput,
  MASTER_PROFILE_ALIASES,
  masterProfileFormSchema,
  toMasterFormValues,
} from '@/features/masters/utils/master-profile-form-values';
import { useForm } from '@/lib/form';
import { timeZoneOptions } from '@/lib/time-zones';
import { useI18n } from '@/lib/i18n';
import type { Category, MasterProfile } from '@/types/api';
import '@/features/masters/styles/masters.css';

type Props = {
  profile: MasterProfile | null;
  /** Prefills the display name of a new profile. */
  userName: string;
  categories: readonly Category[];
  onSaved: (profile: MasterProfile, created: boolean) => void;
};

export function MasterProfileForm({ profile, userName, categories, onSaved }: Props) {
  const { t } = useI18n();
  const upsert = useUpsertMasterProfile();
  const form = useForm({
    schema: masterProfileFormSchema,
    defaults: () => toMasterFormValues(profile, userName),
    aliases: MASTER_PROFILE_ALIASES,
    onSubmit: (_data, values) =>
      upsert.mutateAsync(buildMasterProfileInput(values)).then((saved) => onSaved(saved, profile === null)),
  });
  const { values, register: text, setValue: set } = form;
  const zones = timeZoneOptions(values.timezone);

  return (
    <form {...form.formProps} className="form" data-testid="master-profile-form">
      {form.formError && <Alert data-testid="form-error">{form.formError}</Alert>}
      <TextField label={t('workspace.profile.display_name')} maxLength={100} {...text('display_name')} />
      <TextArea label={t('workspace.profile.bio')} maxLength={2000} rows={4} {...text('bio')} />
      <CategoryPicker
        categories={categories}
        value={values.category_ids}
        onChange={(next) => set('category_ids', next)}
        max={10}
        error={form.fieldErrors.category_ids}
      />

      <fieldset className="location" aria-describedby="master-location-hint">
        <legend className="field__label">{t('workspace.profile.where')}</legend>
        <p className="field__hint" id="master-location-hint">
          {t('workspace.profile.where_hint')}
        </p>
        <div className="form__grid">
          <CityField {...text('city')} />
          <TextField
            label={t('workspace.profile.address')}
            autoComplete="street-address"
            maxLength={300}
            placeholder={t('workspace.profile.address_placeholder')}
            {...text('address')}
          />
        </div>
        <CoordinateFields
          lat={text('lat')}
          lon={text('lon')}
          position={{ enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 }}
          onLocated={({ lat, lon }) => {
            set('lat', lat.toFixed(6));
            set('lon', lon.toFixed(6));
          }}
        />
      </fieldset>

      <SelectField
        label={t('workspace.profile.timezone')}
        hint={t('workspace.profile.timezone_hint')}
        {...text('timezone')}
      >
        <optgroup label={t('workspace.profile.timezones_common')}>
          {zones.common.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </optgroup>
        {zones.all.length > 0 && (
          <optgroup label={t('workspace.profile.timezones_all')}>
            {zones.all.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>

      <fieldset className="rules" data-testid="booking-rules">
        <legend className="field__label">{t('workspace.rules.title')}</legend>
        <div className="form__grid">
          <TextField
            label={t('workspace.rules.min_notice')}
            hint={t('workspace.rules.min_notice_hint')}
            inputMode="numeric"
            {...text('min_notice_min')}
          />
          <TextField label={t('workspace.rules.horizon')} inputMode="numeric" {...text('horizon_days')} />
          <TextField label={t('workspace.rules.slot_step')} inputMode="numeric" {...text('slot_step_min')} />
          <TextField
            label={t('workspace.rules.buffer')}
            hint={t('workspace.rules.buffer_hint')}
            inputMode="numeric"
            {...text('buffer_min')}
          />
          <TextField
            label={t('workspace.rules.max_per_day')}
            hint={t('workspace.rules.max_per_day_hint')}
            inputMode="numeric"
            {...text('max_per_day')}
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={values.auto_confirm}
            onChange={(e) => set('auto_confirm', e.target.checked)}
            data-testid="input-auto_confirm"
          />
          <span>{t('workspace.rules.auto_confirm')}</span>
        </label>
      </fieldset>

      <div className="form__actions">
        <Button type="submit" loading={form.submitting} data-testid="save-master-profile">
          {form.submitting ? t('profile.saving') : profile ? t('profile.save') : t('workspace.profile.create')}
        </Button>
      </div>
    </form>
  );
}
