/**
 * safeStorage as the secret store's port. On Linux without a keyring (no libsecret/kwallet
 * session) Chromium falls back to the 'basic_text' backend: isEncryptionAvailable() still says
 * true, but the key is a constant built into Chromium, so the "sealed" password is as good as
 * plain text. There it counts as unavailable: 记住密码 and 自动登录 are off and nothing is written.
 */
import type { SafeStorage } from 'electron';
import type { SafeStoragePort } from '../services/desktop/safe-storage-secret-store.js';

export function osKeychain(safeStorage: SafeStorage, platform: NodeJS.Platform): SafeStoragePort {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable() && !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (sealed) => safeStorage.decryptString(sealed),
  };
}
