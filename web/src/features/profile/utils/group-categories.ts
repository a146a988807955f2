import type { Category } from '@/types/api';
import type { Language } from '@/lib/i18n';

export type CategoryGroup = { parent: Category; children: Category[] };

export function categoryName(category: Category, lang: Language): string {
  return lang === 'en' ? category.name_en || category.name_ru : category.name_ru || category.name_en;
}

/**
 * Two-level catalogue → groups of children under their parent, in server order. A child
 * whose parent is missing is shown as a group of its own rather than dropped.
 */
export function groupCategories(items: readonly Category[]): CategoryGroup[] {
  const byId = new Map(items.map((c) => [c.id, c]));
  const groups = new Map<string, CategoryGroup>();
  for (const item of items) {
    if (item.parent_id === null || !byId.has(item.parent_id)) {
      if (!groups.has(item.id)) groups.set(item.id, { parent: item, children: [] });
    }
  }
  for (const item of items) {
    if (item.parent_id !== null && byId.has(item.parent_id)) {
      groups.get(item.parent_id)?.children.push(item);
    }
  }
  return [...groups.values()];
}

/** What can be picked in a group: its children, or the parent itself when it has none. */
export function selectableInGroup(group: CategoryGroup): Category[] {
  return group.children.length > 0 ? group.children : [group.parent];
}
