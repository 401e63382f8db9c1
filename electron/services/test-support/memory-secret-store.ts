/** A SecretStore kept in memory, for tests that do not exercise encryption at rest. */
import type { SecretStore } from '../session/secret-store.js';

export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
  };
}
