import { describe, expect, it } from 'vitest';
import { DisposableStore, disposableInterval, disposableTimeout, toDisposable } from './lifecycle.js';

describe('DisposableStore', () => {
  it('disposes what it owns once, the last added first, however often it is disposed', () => {
    const undone: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => undone.push('subscription')));
    store.add(toDisposable(() => undone.push('timer')));
    store.dispose();
    store.dispose();
    expect(undone).toEqual(['timer', 'subscription']);
    expect(store.isDisposed).toBe(true);
  });

  it('disposes at once what is added after it was disposed, so nothing leaks past shutdown', () => {
    const store = new DisposableStore();
    store.dispose();
    let undone = 0;
    store.add(toDisposable(() => undone++));
    expect(undone).toBe(1);
  });

  it('runs every undo even when one throws, then reports the failure', () => {
    const undone: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => undone.push('first')));
    store.add(
      toDisposable(() => {
        throw new Error('broken undo');
      }),
    );
    store.add(toDisposable(() => undone.push('last')));
    expect(() => store.dispose()).toThrow('broken undo');
    expect(undone).toEqual(['last', 'first']);
  });

  it('a toDisposable undoes once even when disposed from two places', () => {
    let undone = 0;
    const disposable = toDisposable(() => undone++);
    const a = new DisposableStore();
    const b = new DisposableStore();
    a.add(disposable);
    b.add(disposable);
    a.dispose();
    b.dispose();
    expect(undone).toBe(1);
  });
});

describe('timers owned by a store', () => {
  it('a timeout fires and then leaves the store; one still pending when the store is disposed never fires', async () => {
    const store = new DisposableStore();
    const fired: string[] = [];
    await new Promise<void>((resolve) =>
      disposableTimeout(store, 1, () => {
        fired.push('kept');
        resolve();
      }),
    );
    disposableTimeout(store, 1, () => fired.push('cancelled'));
    store.dispose();
    // Timers of the same length fire in the order they were set: once this one fires, the cancelled one would have.
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
    expect(fired).toEqual(['kept']);
  });

  it('an interval stops when its store is disposed', async () => {
    const store = new DisposableStore();
    let ticks = 0;
    await new Promise<void>((resolve) =>
      disposableInterval(store, 1, () => {
        ticks++;
        if (ticks === 2) {
          store.dispose();
          resolve();
        }
      }),
    );
    // The interval's next tick was due before a timer of the same length set now.
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
    expect(ticks).toBe(2);
  });
});
