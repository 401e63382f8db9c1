import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { createSafeStorageSecretStore, SECRETS_FILE, type SafeStoragePort } from './safe-storage-secret-store.js';

/** Stands in for Electron's safeStorage (the Electron edge): real AES-GCM with a key held in memory, like the OS keychain. */
function keychainPort(available = true): SafeStoragePort & { available: boolean } {
  const key = randomBytes(32);
  return {
    available,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString(plain) {
      if (!this.available) throw new Error('Encryption is not available');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

afterEach(() => removeTempDirs());

describe('safeStorage secret store', () => {
  it('remembers the password encrypted: the file never holds it in plain text (nor as base64)', () => {
    const dir = tempDir();
    const port = keychainPort();
    const store = createSafeStorageSecretStore(dir, port);
    store.set('password:agent1', '密码agent123');
    const file = readFileSync(join(dir, SECRETS_FILE));
    expect(file.includes('agent123')).toBe(false);
    expect(file.includes(Buffer.from('密码agent123').toString('base64'))).toBe(false);
    expect(file.includes(Buffer.from('密码agent123'))).toBe(false);
    expect(statSync(join(dir, SECRETS_FILE)).mode & 0o777).toBe(0o600);
    expect(createSafeStorageSecretStore(dir, port).get('password:agent1')).toBe('密码agent123');
    store.delete('password:agent1');
    expect(store.get('password:agent1')).toBeNull();
  });

  it('without OS encryption nothing is remembered, and an older sealed copy is dropped', () => {
    const dir = tempDir();
    const port = keychainPort();
    const store = createSafeStorageSecretStore(dir, port);
    store.set('password:agent1', 'old-secret');
    port.available = false;
    expect(store.canRemember()).toBe(false);
    store.set('password:agent1', 'new-secret');
    expect(readFileSync(join(dir, SECRETS_FILE), 'utf8')).toBe('{}');
    expect(store.get('password:agent1')).toBeNull();
    const fresh = tempDir();
    createSafeStorageSecretStore(fresh, keychainPort(false)).set('password:agent2', 'never-written');
    expect(existsSync(join(fresh, SECRETS_FILE))).toBe(false);
  });

  it('a file sealed by another keychain or tampered with reads as nothing', () => {
    const dir = tempDir();
    createSafeStorageSecretStore(dir, keychainPort()).set('password:agent1', 'agent123');
    expect(createSafeStorageSecretStore(dir, keychainPort()).get('password:agent1')).toBeNull();
  });
});
