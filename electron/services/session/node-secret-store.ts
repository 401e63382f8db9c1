/**
 * SecretStore for plain Node (browser shell): AES-256-GCM with a random key kept in a 0600 file
 * in the data dir.
 *
 * WHY THIS IS WEAKER THAN ELECTRON'S safeStorage: the key sits on disk next to the ciphertext, so
 * anyone who can read the data dir as this user (a backup, a copied folder, malware running as
 * the user) can decrypt it. safeStorage keeps the key in the OS keychain (macOS Keychain, Windows
 * DPAPI, libsecret), bound to the user's login. This only stops casual reading of the file and
 * other users on the machine (file mode 0600).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from './secret-store.js';

const KEY_FILE = 'secret.key';
const SECRETS_FILE = 'secrets.json';

function loadKey(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  if (existsSync(path)) {
    const key = readFileSync(path);
    if (key.length === 32) return key;
  }
  const key = randomBytes(32);
  // A first start on a new machine: the data folder does not exist yet.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(path, key, { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}

export function createNodeSecretStore(dataDir: string): SecretStore {
  const key = loadKey(dataDir);
  const path = join(dataDir, SECRETS_FILE);

  const readAll = (): Record<string, string> => {
    if (!existsSync(path)) return {};
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const writeAll = (all: Record<string, string>) => {
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    renameSync(tmp, path);
  };

  return {
    get(name) {
      const sealed = readAll()[name];
      if (!sealed) return null;
      try {
        const raw = Buffer.from(sealed, 'base64');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return null; // tampered with, or encrypted with a key that was replaced
      }
    },
    set(name, value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      writeAll({ ...readAll(), [name]: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') });
    },
    delete(name) {
      const all = readAll();
      if (!(name in all)) return;
      delete all[name];
      writeAll(all);
    },
  };
}
