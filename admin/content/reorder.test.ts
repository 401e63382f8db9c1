import { describe, expect, it } from 'vitest';
import { moveOrder } from './reorder.js';

const rows = (...orders: number[]) => orders.map((sortOrder, i) => ({ id: `r${i}`, sortOrder }));

describe('moveOrder', () => {
  it('swaps neighbours in a clean list: two saves', () => {
    expect(moveOrder(rows(0, 1, 2), 'r2', -1)).toEqual([
      { id: 'r2', sortOrder: 1 },
      { id: 'r1', sortOrder: 2 },
    ]);
  });

  it('renumbers a list whose rows share numbers, so the move shows', () => {
    // r1 moves to the top, where it already has 0: only r0 and r2 change.
    expect(moveOrder(rows(0, 0, 0), 'r0', 1)).toEqual([
      { id: 'r0', sortOrder: 1 },
      { id: 'r2', sortOrder: 2 },
    ]);
  });

  it('does nothing past either end or for an unknown id', () => {
    expect(moveOrder(rows(0, 1), 'r0', -1)).toEqual([]);
    expect(moveOrder(rows(0, 1), 'r1', 1)).toEqual([]);
    expect(moveOrder(rows(0, 1), 'nope', 1)).toEqual([]);
  });
});
