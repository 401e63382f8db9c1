import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SERVER_PORT } from '../shared/server-address.js';

/** One number for the backend and the workstation's built-in server address. */
export const DEFAULT_PORT = DEFAULT_SERVER_PORT;

/** $XDG_DATA_HOME/kefu-desk/server, else ~/.local/share/kefu-desk/server. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.trim() ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'kefu-desk', 'server');
}
