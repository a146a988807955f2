import { QueryErrorAlert } from '@/components/ui/query-error';
import { Spinner } from '@/components/ui/spinner';
import { useCategories } from '@/features/profile/api/get-categories';
import { categoryName, groupCategories, selectableInGroup } from '@/features/profile/utils/group-categories';
import { useI18n } from '@/lib/i18n';

type Props = {
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
};

export function InterestsPicker({ value, onChange, error }: Props) {
  const { t, lang } = useI18n();
  const categories = useCategories();
  const selected = new Set(value);

  const toggle = (id: string) => {
    onChange(selected.has(id) ? value.filter((v) => v !== id) : [...value, id]);
  };

  return (
    <fieldset className="interests" data-testid="interests-picker" aria-describedby="interests-hint">
      <legend className="field__label">{t('profile.interests')}</legend>
      <p className="field__hint" id="interests-hint">
        {t('profile.interests_hint')}
      </p>
      {categories.isPending && <Spinner label={t('common.loading')} />}
      {categories.isError && (
        <QueryErrorAlert query={categories} title={t('profile.categories_failed')} />
      )}
      {categories.data &&
        groupCategories(categories.data.items).map((group) => (
          <div className="interests__group" key={group.parent.id} role="group" aria-label={categoryName(group.parent, lang)}>
            <p className="interests__group-title">{categoryName(group.parent, lang)}</p>
            <div className="chips">
              {selectableInGroup(group).map((category) => (
                <label className="chip" key={category.id}>
                  <input
                    type="checkbox"
                    className="chip__input"
                    checked={selected.has(category.id)}
                    onChange={() => toggle(category.id)}
                    data-testid={`interest-${category.slug}`}
                  />
                  <span className="chip__label">{categoryName(category, lang)}</span>
                </label>
              ))}
            </div>
          </div>
        ))}
      {error && (
        <p className="field__error" data-testid="error-interests">
          {error}
        </p>
      )}
    </fieldset>
  );
}
