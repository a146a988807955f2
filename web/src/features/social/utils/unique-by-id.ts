/** Every loaded item once, in order: a page fetched after changes may repeat one. */
export function uniqueById<T extends { id: string }>(data: { pages: readonly { items: readonly T[] }[] } | undefined): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const page of data?.pages ?? []) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  }
  return out;
}
