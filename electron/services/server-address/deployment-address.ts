/** The deployment's address as the shells hand it over, checked like one the agent types. */
import { parseServerUrl } from '../../../shared/server-address.js';
import type { DeploymentAddress } from './server-address.js';

export function deploymentAddress(options: { serverUrl?: string | undefined; deploymentProblem?: string | null | undefined }): DeploymentAddress {
  if (options.serverUrl === undefined) return { url: null, problem: options.deploymentProblem ?? null };
  const parsed = parseServerUrl(options.serverUrl);
  return parsed.ok
    ? { url: parsed.url, problem: options.deploymentProblem ?? null }
    : { url: null, problem: `the configured server address ${options.serverUrl.slice(0, 200)}: ${parsed.message}` };
}
