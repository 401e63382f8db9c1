/**
 * A second node in its own process for commit-order.test.ts: appends one event through the
 * PostgreSQL store's own transaction (so it takes the write lock as every node does) and prints
 * the seq it got (handed to commit listeners with the event). Its own process because the store's calls block until the lock is free.
 */
import type { DurableEvent } from '../../../../shared/index.js';
import { openPostgresStore } from '../store.js';

const url = process.argv[2];
if (!url) throw new Error('usage: append-child.ts postgres://…');
const store = openPostgresStore(url);
process.stdout.write('opened\n');
let seq = 0;
store.onCommit((events) => (seq = events[0]!.seq));
store.transaction(() => store.events.append({ type: 'test.later' } as unknown as DurableEvent, ['staff'], Date.now()));
process.stdout.write(`${JSON.stringify({ seq })}\n`);
store.close();
