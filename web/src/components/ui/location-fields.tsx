import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { RegisteredField } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import { useGeolocation, type Coordinates } from '@/lib/use-geolocation';

export function CityField(props: RegisteredField) {
  const { t } = useI18n();
  return (
    <TextField
      label={t('location.city')}
      autoComplete="address-level2"
      maxLength={100}
      placeholder={t('location.city_placeholder')}
      {...props}
    />
  );
}

type CoordinateFieldsProps = {
  lat: RegisteredField;
  lon: RegisteredField;
  /** The browser's answer to "use my location". */
  onLocated: (coords: Coordinates) => void;
  position?: PositionOptions;
  /** More buttons next to "use my location". */
  actions?: ReactNode;
};

/** Latitude and longitude inputs with a "use my location" button (profile, master profile). */
export function CoordinateFields({ lat, lon, onLocated, position, actions }: CoordinateFieldsProps) {
  const { t } = useI18n();
  const geo = useGeolocation({ onLocated, ...(position ? { position } : {}) });
  return (
    <>
      <div className="location__inputs">
        <TextField label={t('location.lat')} inputMode="decimal" placeholder="55.7558" {...lat} />
        <TextField label={t('location.lon')} inputMode="decimal" placeholder="37.6173" {...lon} />
      </div>
      <div className="location__actions">
        {geo.supported && (
          <Button variant="secondary" size="sm" loading={geo.locating} onClick={geo.locate} data-testid="use-my-location">
            {geo.locating ? t('location.locating') : t('location.use_my_location')}
          </Button>
        )}
        {actions}
      </div>
      {geo.failed && <p className="field__error">{t('location.geolocation_failed')}</p>}
    </>
  );
}
