/** What a badge shows for `count`: "1" … "99", then "99+". */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}
