/** Items of the content page listed by category: in the categories' order, 未分类 last, then each by its own order. */
export const NO_CATEGORY = '__none__';

export function byCategory<T extends { categoryId: string | null; sortOrder: number }>(items: readonly T[], categories: readonly { id: string }[]): T[] {
  const rank = new Map(categories.map((c, index) => [c.id, index]));
  const rankOf = (item: T) => (item.categoryId === null ? categories.length : (rank.get(item.categoryId) ?? categories.length));
  return [...items].sort((a, b) => rankOf(a) - rankOf(b) || a.sortOrder - b.sortOrder);
}
