/**
 * SecretStore over Electron's safeStorage (OS keychain / DPAPI / libsecret) behind an injected
 * port, kept as base64 ciphertext in one 0600 file. Without OS encryption it remembers nothing:
 * a password is never written in plain text (the shell tells the agent why 记住密码 is off).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../session/secret-store.js';

export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export const SECRETS_FILE = 'secrets.safe.json';
export const ENCRYPTION_UNAVAILABLE = '系统密钥库不可用，无法安全保存密码：记住密码和自动登录已停用。';

export interface SafeSecretStore extends SecretStore {
  /** False when the OS offers no encryption; set() then stores nothing. */
  canRemember(): boolean;
}

export function createSafeStorageSecretStore(dataDir: string, safeStorage: SafeStoragePort): SafeSecretStore {
  const path = join(dataDir, SECRETS_FILE);
  const readAll = (): Record<string, string> => {
    try {
      return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const writeAll = (all: Record<string, string>) => {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(`${path}.tmp`, JSON.stringify(all), { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
  };
  return {
    canRemember: () => safeStorage.isEncryptionAvailable(),
    get(key) {
      const sealed = readAll()[key];
      if (typeof sealed !== 'string' || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // Another user's keychain, a reinstalled OS, a tampered file: as if nothing was remembered.
        return null;
      }
    },
    set(key, value) {
      if (!safeStorage.isEncryptionAvailable()) {
        // Drop any older sealed copy too: the agent asked to remember, we cannot, so nothing stays.
        const all = readAll();
        if (key in all) {
          delete all[key];
          writeAll(all);
        }
        return;
      }
      writeAll({ ...readAll(), [key]: safeStorage.encryptString(value).toString('base64') });
    },
    delete(key) {
      const all = readAll();
      if (!(key in all)) return;
      delete all[key];
      writeAll(all);
    },
  };
}
