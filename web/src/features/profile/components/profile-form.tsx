import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useUpdateProfile } from '@/features/profile/api/update-profile';
import { InterestsPicker } from '@/features/profile/components/interests-picker';
import {
  buildProfilePatch,
  profileFormSchema,
  toFormValues,
  type ProfileFormValues,
} from '@/features/profile/utils/profile-form-values';
import { focusFirstError, useFormErrors } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import type { User } from '@/types/api';

const FIELDS = ['name', 'city', 'lat', 'lon', 'interests'] as const;
// The server reports nested paths; show them next to the input they come from.
const ALIASES = { 'location.lat': 'lat', 'location.lon': 'lon', location: 'lat' } as const;

type Props = { user: User; onSaved: () => void };

export function ProfileForm({ user, onSaved }: Props) {
  const { t } = useI18n();
  const update = useUpdateProfile();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ProfileFormValues>(() => toFormValues(user));
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState(false);
  const errors = useFormErrors(FIELDS, ALIASES);

  useEffect(() => {
    if (errors.errorVersion) focusFirstError(formRef.current);
  }, [errors.errorVersion]);

  const set = <K extends keyof ProfileFormValues>(field: K, value: ProfileFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    errors.clearField(field);
  };

  const locate = () => {
    setGeoError(false);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        set('lat', pos.coords.latitude.toFixed(6));
        set('lon', pos.coords.longitude.toFixed(6));
      },
      () => {
        setLocating(false);
        setGeoError(true);
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = profileFormSchema.safeParse(values);
    if (!parsed.success) {
      errors.setValidationError(parsed.error);
      return;
    }
    errors.reset();
    const patch = buildProfilePatch(parsed.data, user);
    if (Object.keys(patch).length === 0) {
      onSaved();
      return;
    }
    update.mutate(patch, { onSuccess: onSaved, onError: errors.setServerError });
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} data-testid="profile-form">
      {errors.formError && <Alert data-testid="form-error">{errors.formError}</Alert>}
      <TextField
        label={t('auth.name')}
        name="name"
        autoComplete="name"
        maxLength={100}
        value={values.name}
        onChange={(e) => set('name', e.target.value)}
        error={errors.fieldErrors.name}
      />
      <TextField
        label={t('profile.city')}
        name="city"
        autoComplete="address-level2"
        maxLength={100}
        placeholder={t('profile.city_placeholder')}
        value={values.city}
        onChange={(e) => set('city', e.target.value)}
        error={errors.fieldErrors.city}
      />

      <fieldset className="location" aria-describedby="location-hint">
        <legend className="field__label">{t('profile.location')}</legend>
        <p className="field__hint" id="location-hint">
          {t('profile.location_hint')}
        </p>
        <div className="location__inputs">
          <TextField
            label={t('profile.lat')}
            name="lat"
            inputMode="decimal"
            placeholder="55.7558"
            value={values.lat}
            onChange={(e) => set('lat', e.target.value)}
            error={errors.fieldErrors.lat}
          />
          <TextField
            label={t('profile.lon')}
            name="lon"
            inputMode="decimal"
            placeholder="37.6173"
            value={values.lon}
            onChange={(e) => set('lon', e.target.value)}
            error={errors.fieldErrors.lon}
          />
        </div>
        <div className="location__actions">
          {'geolocation' in navigator && (
            <Button variant="secondary" size="sm" loading={locating} onClick={locate} data-testid="use-my-location">
              {locating ? t('profile.locating') : t('profile.use_my_location')}
            </Button>
          )}
          {(values.lat !== '' || values.lon !== '') && (
            <Button
              variant="ghost"
              size="sm"
              data-testid="clear-location"
              onClick={() => {
                set('lat', '');
                set('lon', '');
              }}
            >
              {t('profile.clear_location')}
            </Button>
          )}
        </div>
        {geoError && <p className="field__error">{t('profile.geolocation_failed')}</p>}
      </fieldset>

      <InterestsPicker
        value={values.interests}
        onChange={(next) => set('interests', next)}
        error={errors.fieldErrors.interests}
      />

      <div className="form__actions">
        <Link to="/profile" className="btn btn--ghost" data-testid="cancel-edit">
          {t('profile.cancel')}
        </Link>
        <Button type="submit" loading={update.isPending} data-testid="save-profile">
          {update.isPending ? t('profile.saving') : t('profile.save')}
        </Button>
      </div>
    </form>
  );
}
