/** The SIP account the softphone runs with (from the server's per-agent SipSettings) and its tuning. */
import type { SipSettings } from '../../../shared/phone.js';

export type IceServer = SipSettings['iceServers'][number];

export interface SoftphoneTiming {
  /** Re-register / reconnect backoff after the SIP server or the network went away. */
  reconnect: { initialMs: number; maxMs: number };
  /** REGISTER expiry asked from the registrar, seconds. */
  registerExpiresSeconds: number;
  /** CRLF keep-alive on the SIP WebSocket, seconds (0 = off). */
  keepAliveSeconds: number;
  /** 话后处理 after an answered call, seconds (0 = none). */
  wrapUpSeconds: number;
  /** How long the media side may take for one request. */
  mediaTimeoutMs: number;
  /** How long a transfer target may take to answer the transferred caller before the call stays with the agent. */
  transferTimeoutMs: number;
}

export const DEFAULT_SOFTPHONE_TIMING: SoftphoneTiming = {
  reconnect: { initialMs: 1000, maxMs: 30_000 },
  registerExpiresSeconds: 300,
  keepAliveSeconds: 25,
  wrapUpSeconds: 30,
  mediaTimeoutMs: 15_000,
  transferTimeoutMs: 30_000,
};

/** Never log a password: the settings as they may appear in a log line. */
export function redactSipSettings(settings: SipSettings): Omit<SipSettings, 'password'> & { password: '***' } {
  return { ...settings, password: '***' };
}
