/**
 * Where the remembered password lives. Electron passes an implementation over safeStorage (OS
 * keychain / DPAPI / libsecret); the browser shell uses the Node one below. Values are strings
 * the store encrypts at rest.
 */
export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}
