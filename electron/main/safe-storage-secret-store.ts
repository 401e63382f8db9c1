/** SecretStore over Electron's safeStorage (OS keychain / DPAPI / libsecret), kept in a file in userData. */
import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../services/session/secret-store.js';

export function createSafeStorageSecretStore(dataDir: string): SecretStore {
  const path = join(dataDir, 'secrets.safe.json');
  const readAll = (): Record<string, string> => {
    try {
      return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const writeAll = (all: Record<string, string>) => {
    writeFileSync(`${path}.tmp`, JSON.stringify(all), { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
  };
  return {
    get(key) {
      const sealed = readAll()[key];
      if (!sealed || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        return null;
      }
    },
    set(key, value) {
      // Without OS encryption we would store the password in the clear: refuse to remember it.
      if (!safeStorage.isEncryptionAvailable()) return;
      writeAll({ ...readAll(), [key]: safeStorage.encryptString(value).toString('base64') });
    },
    delete(key) {
      const all = readAll();
      delete all[key];
      writeAll(all);
    },
  };
}
