import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useForm } from '@/lib/form';
import { useI18n } from '@/lib/i18n';
import { timeZoneOptions } from '@/lib/time-zones';
import { useUpdatePreferences } from '@/features/notifications/api/update-preferences';
import { PUSH_ONLY_TYPES, type ChannelPrefs, type Preferences } from '@/features/notifications/types/notification';
import {
  PREFERENCES_ALIASES,
  preferencesFormSchema,
  toPreferencesFormValues,
} from '@/features/notifications/utils/preferences-form-values';
import { notificationTypeLabel } from '@/features/notifications/utils/type-label';
import '@/features/notifications/styles/notifications.css';

type SwitchProps = { label: string; checked: boolean; disabled?: boolean; onChange: (checked: boolean) => void; testId: string };

function Switch({ label, checked, disabled = false, onChange, testId }: SwitchProps) {
  return (
    <input
      type="checkbox"
      role="switch"
      className="switch"
      aria-label={label}
      checked={checked}
      disabled={disabled}
      onChange={(e) => onChange(e.target.checked)}
      data-testid={testId}
    />
  );
}

/** Per-type switches, quiet hours, time zone and grouping; saved as a whole with PUT. */
export function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const { t } = useI18n();
  const update = useUpdatePreferences();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    schema: preferencesFormSchema,
    defaults: () => toPreferencesFormValues(preferences),
    aliases: PREFERENCES_ALIASES,
    onSubmit: (data) =>
      update.mutateAsync(data).then((stored) => {
        form.reset(toPreferencesFormValues(stored));
        setSaved(true);
      }),
  });
  const { values, setValue } = form;
  const edit = <K extends keyof typeof values>(field: K, value: (typeof values)[K]) => {
    setSaved(false);
    setValue(field, value);
  };
  const setChannel = (type: string, channel: keyof ChannelPrefs, on: boolean) =>
    edit('types', { ...values.types, [type]: { ...values.types[type]!, [channel]: on } });
  const text = (field: 'quiet_from' | 'quiet_to' | 'timezone') => {
    const registered = form.register(field);
    return {
      ...registered,
      onChange: (event: { target: { value: string } }) => {
        setSaved(false);
        registered.onChange(event);
      },
    };
  };
  const zones = timeZoneOptions(values.timezone);
  const channels = [
    { key: 'in_app', label: t('notifications.prefs.in_app') },
    { key: 'push', label: t('notifications.prefs.push') },
  ] as const;

  return (
    <form {...form.formProps} className="form prefs" data-testid="preferences-form">
      {form.formError && <Alert data-testid="form-error">{form.formError}</Alert>}

      <fieldset className="prefs__section">
        <legend className="card__subtitle">{t('notifications.prefs.types')}</legend>
        {form.fieldErrors.types && (
          <p className="field__error" role="alert" data-testid="error-types">
            {form.fieldErrors.types}
          </p>
        )}
        <table className="prefs__table">
          <thead>
            <tr>
              <th scope="col">{t('notifications.prefs.kind')}</th>
              {channels.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.entries(values.types).map(([type, prefs]) => {
              const label = notificationTypeLabel(type, t);
              const pushOnly = PUSH_ONLY_TYPES.has(type);
              return (
                <tr key={type} data-testid={`prefs-row-${type}`}>
                  <th scope="row">
                    {label}
                    {pushOnly && <span className="prefs__note muted">{t('notifications.prefs.push_only')}</span>}
                  </th>
                  {channels.map((c) => (
                    <td key={c.key}>
                      <Switch
                        label={t('notifications.prefs.switch', { type: label, channel: c.label })}
                        checked={pushOnly && c.key === 'in_app' ? false : prefs[c.key]}
                        disabled={pushOnly && c.key === 'in_app'}
                        onChange={(on) => setChannel(type, c.key, on)}
                        testId={`switch-${type}-${c.key}`}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset className="prefs__section" aria-describedby="quiet-hint">
        <legend className="card__subtitle">{t('notifications.prefs.quiet')}</legend>
        <label className="prefs__check">
          <input
            type="checkbox"
            role="switch"
            className="switch"
            checked={values.quiet_enabled}
            onChange={(e) => edit('quiet_enabled', e.target.checked)}
            data-testid="input-quiet_enabled"
          />
          <span>{t('notifications.prefs.quiet_enabled')}</span>
        </label>
        <p className="field__hint" id="quiet-hint">
          {t('notifications.prefs.quiet_hint')}
        </p>
        <div className="form__grid">
          <TextField type="time" label={t('notifications.prefs.from')} disabled={!values.quiet_enabled} {...text('quiet_from')} />
          <TextField type="time" label={t('notifications.prefs.to')} disabled={!values.quiet_enabled} {...text('quiet_to')} />
        </div>
      </fieldset>

      <SelectField label={t('notifications.prefs.timezone')} hint={t('notifications.prefs.timezone_hint')} {...text('timezone')}>
        {[...zones.common, ...zones.all].map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>

      <label className="prefs__check">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={values.grouping}
          onChange={(e) => edit('grouping', e.target.checked)}
          aria-describedby="grouping-hint"
          data-testid="input-grouping"
        />
        <span>{t('notifications.prefs.grouping')}</span>
      </label>
      <p className="field__hint" id="grouping-hint">
        {t('notifications.prefs.grouping_hint')}
      </p>

      {saved && <Alert tone="success" title={t('notifications.prefs.saved')} data-testid="preferences-saved" />}
      <div className="form__actions">
        <Button type="submit" loading={form.submitting} data-testid="save-preferences">
          {t('notifications.prefs.save')}
        </Button>
      </div>
    </form>
  );
}
