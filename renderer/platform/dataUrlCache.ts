/**
 * Pictures and files the page gets from the services as base64 (it has no token and loads nothing
 * from the server itself), kept as data URLs: what never changes under its id — an attachment, an
 * avatar (a new picture gets a new id) — is fetched once per session and reused.
 */
import type { Result } from '../../shared/errors.js';

export type DataLoader = (id: string) => Promise<Result<{ mime: string; dataBase64: string }>>;

/** The data URL of an id, fetched through `load` once; null when it could not be had (a later call tries again). */
export function dataUrlCache(load: DataLoader): (id: string) => Promise<string | null> {
  const cache = new Map<string, Promise<string | null>>();
  return (id) => {
    let pending = cache.get(id);
    if (!pending) {
      pending = load(id).then((result) => {
        if (!result.ok) {
          cache.delete(id); // let a later render try again
          return null;
        }
        return `data:${result.value.mime};base64,${result.value.dataBase64}`;
      });
      cache.set(id, pending);
    }
    return pending;
  };
}
