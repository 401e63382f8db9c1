/**
 * The deployment's server for the Electron shell: KEFU_SERVER_URL (development, tests), else a
 * kefu-desk.json in the places services/server-address/deployment-config.ts lists. The agent's
 * own choice on the login page wins over both (services/server-address/).
 */
import { app } from 'electron';
import { deploymentConfigPaths, readDeploymentConfig } from '../services/server-address/deployment-config.js';
import type { Log } from '../services/logger.js';

export function deploymentServer(log: Log): { serverUrl?: string; deploymentProblem: string | null } {
  if (process.env.KEFU_SERVER_URL) return { serverUrl: process.env.KEFU_SERVER_URL, deploymentProblem: null };
  const config = readDeploymentConfig(
    deploymentConfigPaths({
      platform: process.platform,
      appDataDir: app.getPath('appData'),
      executablePath: process.execPath,
      resourcesDir: process.resourcesPath,
      appImagePath: process.env.APPIMAGE,
    }),
  );
  if (config && 'problem' in config) log('deployment config ignored', config.problem);
  if (config && 'url' in config) log('server address from the deployment config', { path: config.path, url: config.url }, 'info');
  return config && 'url' in config ? { serverUrl: config.url, deploymentProblem: null } : { deploymentProblem: config?.problem ?? null };
}
