/**
 * Ownership of things that must be undone: subscriptions, timers, sockets. Modelled on VS Code's
 * base/common/lifecycle.ts: whatever a service starts it adds to its DisposableStore, and disposing
 * the store once undoes all of it. A store disposed twice does nothing the second time; something
 * added after the store was disposed is disposed at once, so a late timer or listener cannot leak
 * past shutdown.
 */

export interface Disposable {
  dispose(): void;
}

export function toDisposable(undo: () => void): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      undo();
    },
  };
}

export class DisposableStore implements Disposable {
  private readonly owned = new Set<Disposable>();
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  add<T extends Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.add(disposable);
    return disposable;
  }

  /** Stops owning it without disposing it (a timer that already fired has nothing left to undo). */
  forget(disposable: Disposable): void {
    this.owned.delete(disposable);
  }

  /** Disposes everything owned so far, the last added first (like unwinding a stack), each once. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const disposable of [...this.owned].reverse()) {
      try {
        disposable.dispose();
      } catch (error) {
        // One failing undo must not keep the others from running.
        errors.push(error);
      }
    }
    this.owned.clear();
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'several disposables failed');
  }
}

/** A one-shot timer owned by the store: cleared when the store is disposed first. */
export function disposableTimeout(store: DisposableStore, ms: number, run: () => void): Disposable {
  const timer = setTimeout(() => {
    store.forget(handle);
    run();
  }, ms);
  // A pending retry must never keep a process alive on its own.
  timer.unref();
  const handle = store.add(toDisposable(() => clearTimeout(timer)));
  return handle;
}

/** A repeating timer owned by the store. */
export function disposableInterval(store: DisposableStore, ms: number, run: () => void): Disposable {
  const timer = setInterval(run, ms);
  timer.unref();
  return store.add(toDisposable(() => clearInterval(timer)));
}
