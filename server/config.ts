import { homedir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_PORT = 3710;

/** $XDG_DATA_HOME/kefu-desk/server, else ~/.local/share/kefu-desk/server. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.trim() ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'kefu-desk', 'server');
}
