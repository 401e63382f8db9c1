/**
 * Signals between the workstation's own services, typed and kept apart from the renderer's event
 * channels (workstation-events.ts): nothing emitted here can reach a page, and a page cannot
 * subscribe to it. Listeners are Disposables, so a service's store drops them on dispose.
 */
import { EventEmitter } from 'node:events';
import { toDisposable, type Disposable } from './lifecycle.js';

export interface InternalEvents {
  /** The server's `phrases.changed` hint (ownerId null: public ones): phrases and canned files re-sync. */
  'phrases:outdated': { ownerId: string | null };
  /** `notice.sent` events were applied: the notice list re-syncs; live ones pop up. */
  'notices:arrived': { noticeIds: string[]; live: boolean };
  /** The server's `settings.changed` hint: 公司设置 and the company auto-reply are read again. */
  'settings:outdated': Record<string, never>;
  /** The server's `tag-categories.changed` hint: 名片分类 are read again. */
  'tag-categories:outdated': Record<string, never>;
  /** The realtime connection went (back) online: what is read only on connect re-syncs. */
  'connection:online': Record<string, never>;
}

export type InternalEvent = keyof InternalEvents;

export interface InternalBus {
  emit<E extends InternalEvent>(event: E, payload: InternalEvents[E]): void;
  on<E extends InternalEvent>(event: E, listener: (payload: InternalEvents[E]) => void): Disposable;
}

export function createInternalBus(): InternalBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit(event, payload) {
      emitter.emit(event, payload);
    },
    on(event, listener) {
      emitter.on(event, listener);
      return toDisposable(() => emitter.off(event, listener));
    },
  };
}
