/**
 * The browser shell's page token, kept in its data folder (readable by this user only) across
 * restarts: a page left open while the services restart (an update, a crash, `npm start` again)
 * reconnects with the token it already has instead of being refused for good. Anyone who can read
 * the data folder can read the session tokens in the cache too, so this adds nothing to take.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SHELL_TOKEN_FILE = 'browser-shell-token';
const TOKEN = /^[0-9a-f]{64}$/;

export function loadShellToken(dataDir: string): string {
  const file = join(dataDir, SHELL_TOKEN_FILE);
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (TOKEN.test(stored)) return stored;
  } catch {
    // none yet (first start) or unreadable: make a new one below
  }
  const token = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, token, { mode: 0o600 });
  return token;
}
