import { categoryLabel } from '@/features/masters/utils/category-name';
import { useI18n } from '@/lib/i18n';
import type { Category } from '@/types/api';

type Props = {
  categories: readonly Category[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  max: number;
  error?: string | undefined;
};

/** Chips grouped under their parent category; at most `max` can be on. */
export function CategoryPicker({ categories, value, onChange, max, error }: Props) {
  const { t, lang } = useI18n();
  const selected = new Set(value);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const roots = categories.filter((c) => c.parent_id === null || !byId.has(c.parent_id));
  const childrenOf = (id: string) => categories.filter((c) => c.parent_id === id);

  const toggle = (id: string) => onChange(selected.has(id) ? value.filter((v) => v !== id) : [...value, id]);

  return (
    <fieldset className="interests" data-testid="category-picker" aria-describedby="master-categories-hint">
      <legend className="field__label">{t('workspace.profile.categories')}</legend>
      <p className="field__hint" id="master-categories-hint">
        {t('workspace.profile.categories_hint', { max })}
      </p>
      {roots.map((root) => {
        const options = childrenOf(root.id);
        const items = options.length > 0 ? options : [root];
        return (
          <div className="interests__group" key={root.id} role="group" aria-label={categoryLabel(root, lang)}>
            <p className="interests__group-title">{categoryLabel(root, lang)}</p>
            <div className="chips">
              {items.map((c) => (
                <label className="chip" key={c.id}>
                  <input
                    type="checkbox"
                    className="chip__input"
                    checked={selected.has(c.id)}
                    disabled={!selected.has(c.id) && value.length >= max}
                    onChange={() => toggle(c.id)}
                    data-testid={`category-${c.slug}`}
                  />
                  <span className="chip__label">{categoryLabel(c, lang)}</span>
                </label>
              ))}
            </div>
          </div>
        );
      })}
      {error && (
        <p className="field__error" data-testid="error-category_ids">
          {error}
        </p>
      )}
    </fieldset>
  );
}
