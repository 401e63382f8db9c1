/**
 * Staff sessions (issue 9): why a session ended, as the server tells every client of it — the
 * realtime close and error frame, the 401 of a REST call (details.reason) — and the workstation's
 * login page shows it. One word per reason, the same everywhere.
 */
import { z } from 'zod';

export const SessionEndReasonSchema = z.enum([
  /** POST /api/auth/logout with this session's token (from another window or device, or a script). */
  'logged-out',
  /** The agent's password was changed (by an admin or by the agent): every login of the agent ends. */
  'password-changed',
  /** Idle too long or past its lifetime, and no refresh token could renew it. */
  'expired',
  /** The account was disabled. */
  'disabled',
  /** An admin gave the account another role (admin, 组长, 客服): it logs in again with what the new one allows. */
  'role-changed',
  /** A refresh token was used twice: the login it belongs to is ended in case it was stolen. */
  'revoked',
]);
export type SessionEndReason = z.infer<typeof SessionEndReasonSchema>;

/** WebSocket close code for "your session is over"; the close reason text is the SessionEndReason. */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/** Reads a reason from untrusted text (a close reason, an error detail); null when it is none. */
export function sessionEndReasonOf(value: unknown): SessionEndReason | null {
  const parsed = SessionEndReasonSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
