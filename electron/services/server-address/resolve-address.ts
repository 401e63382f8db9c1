/**
 * Which server the workstation uses, and why (pure): the agent's choice > the deployment's
 * (KEFU_SERVER_URL, kefu-desk.json, or the backend the browser shell started) > built in.
 */
import type { ServerAddressSource } from '../../../shared/ipc/server-address.js';
import { BUILT_IN_SERVER_URL } from '../../../shared/server-address.js';

export interface ResolvedAddress {
  url: string;
  source: ServerAddressSource;
  /** What the workstation uses when the agent has no choice of their own. */
  defaultUrl: string;
}

export function resolveAddress(chosen: string | null, deployment: string | null): ResolvedAddress {
  const defaultUrl = deployment ?? BUILT_IN_SERVER_URL;
  if (chosen) return { url: chosen, source: 'chosen', defaultUrl };
  return { url: defaultUrl, source: deployment ? 'deployment' : 'built-in', defaultUrl };
}
