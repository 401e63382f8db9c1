/**
 * Moving one item of an ordered list up or down: the sortOrder each item must get so the list
 * reads in the new order. Only the items whose number changes are returned, so a move is one or
 * two saves — and seeded rows that share a number are put in a clean order on the first move.
 */
export interface Ordered {
  id: string;
  sortOrder: number;
}

export function moveOrder(items: readonly Ordered[], id: string, delta: -1 | 1): { id: string; sortOrder: number }[] {
  const list = [...items];
  const from = list.findIndex((item) => item.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length) return [];
  const [moved] = list.splice(from, 1);
  list.splice(to, 0, moved!);
  return list.flatMap((item, index) => (item.sortOrder === index ? [] : [{ id: item.id, sortOrder: index }]));
}
