import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { CityField, CoordinateFields } from '@/components/ui/location-fields';
import { useUpdateProfile } from '@/features/profile/api/update-profile';
import { InterestsPicker } from '@/features/profile/components/interests-picker';
import {
  buildProfilePatch,
  profileFormSchema,
  toFormValues,
} from '@/features/profile/utils/profile-form-values';
import { useForm } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import type { User } from '@/types/api';

// The server reports nested paths; show them next to the input they come from.
const ALIASES = { 'location.lat': 'lat', 'location.lon': 'lon', location: 'lat' } as const;

type Props = { user: User; onSaved: () => void };

export function ProfileForm({ user, onSaved }: Props) {
  const { t } = useI18n();
  const update = useUpdateProfile();
  const form = useForm({
    schema: profileFormSchema,
    defaults: () => toFormValues(user),
    aliases: ALIASES,
    onSubmit: (data) => {
      const patch = buildProfilePatch(data, user);
      if (Object.keys(patch).length === 0) return onSaved();
      return update.mutateAsync(patch).then(onSaved);
    },
  });

  return (
    <form {...form.formProps} className="form" data-testid="profile-form">
      {form.formError && <Alert data-testid="form-error">{form.formError}</Alert>}
      <TextField
        label={t('auth.name')}
        autoComplete="name"
        maxLength={100}
        {...form.register('name')}
      />
      <CityField {...form.register('city')} />

      <fieldset className="location" aria-describedby="location-hint">
        <legend className="field__label">{t('profile.location')}</legend>
        <p className="field__hint" id="location-hint">
          {t('profile.location_hint')}
        </p>
        <CoordinateFields
          lat={form.register('lat')}
          lon={form.register('lon')}
          onLocated={({ lat, lon }) => {
            form.setValue('lat', lat.toFixed(6));
            form.setValue('lon', lon.toFixed(6));
          }}
          actions={
            (form.values.lat !== '' || form.values.lon !== '') && (
              <Button
                variant="ghost"
                size="sm"
                data-testid="clear-location"
                onClick={() => {
                  form.setValue('lat', '');
                  form.setValue('lon', '');
                }}
              >
                {t('profile.clear_location')}
              </Button>
            )
          }
        />
      </fieldset>

      <InterestsPicker
        value={form.values.interests}
        onChange={(next) => form.setValue('interests', next)}
        error={form.fieldErrors.interests}
      />

      <div className="form__actions">
        <Link to="/profile" className="btn btn--ghost" data-testid="cancel-edit">
          {t('profile.cancel')}
        </Link>
        <Button type="submit" loading={form.submitting} data-testid="save-profile">
          {form.submitting ? t('profile.saving') : t('profile.save')}
        </Button>
      </div>
    </form>
  );
}
