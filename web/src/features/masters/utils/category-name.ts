import type { Language } from '@/lib/i18n';
import type { Category } from '@/types/api';

export function categoryLabel(category: Category, lang: Language): string {
  return lang === 'en' ? category.name_en || category.name_ru : category.name_ru || category.name_en;
}

export type CategoryOptionGroup = { label: string; options: { id: string; label: string }[] };

/**
 * The two-level catalogue as <optgroup>s: children under their parent; a parent without
 * children is an option of its own group.
 */
export function categoryOptionGroups(items: readonly Category[], lang: Language): CategoryOptionGroup[] {
  const byId = new Map(items.map((c) => [c.id, c]));
  const groups = new Map<string, CategoryOptionGroup>();
  const roots = items.filter((c) => c.parent_id === null || !byId.has(c.parent_id));
  for (const root of roots) groups.set(root.id, { label: categoryLabel(root, lang), options: [] });
  for (const item of items) {
    if (item.parent_id !== null && groups.has(item.parent_id)) {
      groups.get(item.parent_id)?.options.push({ id: item.id, label: categoryLabel(item, lang) });
    }
  }
  for (const root of roots) {
    const group = groups.get(root.id);
    if (group && group.options.length === 0) group.options.push({ id: root.id, label: categoryLabel(root, lang) });
  }
  return [...groups.values()];
}
