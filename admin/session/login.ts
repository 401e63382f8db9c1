/**
 * Logging in to the console: the same login as the workstation's, then only admins and group leaders
 * (组长, who manage their own group) may stay. An agent's login is ended on the server at once, so a refused attempt leaves no live token behind.
 */
import type { AdminApi } from '../api/admin-api.js';
import type { Agent } from '../../shared/domain.js';
import type { AppError } from '../../shared/errors.js';
import { sessionEndReasonOf, type SessionEndReason } from '../../shared/session.js';

/** 管理员 and 组长 use the console; 客服 do not. */
export const mayUseConsole = (role: Agent['role']): boolean => role === 'admin' || role === 'leader';

/** `mustChangePassword`: the token may only change the password (ChangePasswordPage) before it becomes the tab's session. */
export type LoginOutcome =
  { ok: true; token: string; admin: Agent; mustChangePassword: boolean } | { ok: false; refusal: 'notAdmin' } | { ok: false; error: AppError };

export async function loginAsAdmin(api: AdminApi, account: string, password: string): Promise<LoginOutcome> {
  const result = await api.call('login', { body: { account, password } });
  if (!result.ok) return { ok: false, error: result.error };
  const { token, agent } = result.value;
  if (!mayUseConsole(agent.role)) {
    await api.call('logout', { token });
    return { ok: false, refusal: 'notAdmin' };
  }
  return { ok: true, token, admin: agent, mustChangePassword: result.value.mustChangePassword === true };
}

/** Why a 401 ended the session, as a key of login.ended (the server's words when it gave no reason). */
export function sessionEndKey(error: AppError): SessionEndReason | 'unknown' {
  return sessionEndReasonOf(error.details?.reason) ?? 'unknown';
}
