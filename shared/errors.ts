/** Every error that crosses a boundary carries one of these codes and a message a person can act on. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'CAPACITY_REACHED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SUMMARY_REQUIRED',
  'ALREADY_EVALUATED',
  'RATE_LIMITED',
  /**
   * Too many failed logins for this account: refused even with the right password until the
   * lock ends (details.retryAfterSeconds) or an admin lifts it. Distinct from RATE_LIMITED
   * (too many from this address) because an admin can lift this one.
   */
  'ACCOUNT_LOCKED',
  /** The visitor (by id or address) is on the blacklist (黑名单): the widget shows a polite notice. */
  'BLOCKED',
  /** A new chat outside 工作时间 (the widget offers 留言 with the company's notice); open chats go on. */
  'OUTSIDE_BUSINESS_HOURS',
  /** The queue holds 最大排队人数 visitors already: the widget offers 留言 instead of queueing. */
  'QUEUE_FULL',
  /** 访客注册: a field the company requires before a chat is missing (details name them); the widget asks for it. */
  'REGISTRATION_REQUIRED',
  /**
   * The account must change its password first (created or reset in the console): until then its
   * logins may only change it (PUT /api/me/password), read `me` and log out.
   */
  'PASSWORD_CHANGE_REQUIRED',
  /** 主动邀请: the visitor is no longer on the site (their pages are closed). */
  'NOT_ON_SITE',
  /** 主动邀请: the visitor is chatting already. */
  'ALREADY_CHATTING',
  /** 主动邀请: the visitor has an invitation waiting for an answer. */
  'INVITATION_PENDING',
  /** An accepted invitation found nobody to take the chat (the widget offers 留言 as for a chat started offline). */
  'NO_AGENT_AVAILABLE',
  'NETWORK',
  'TIMEOUT',
  'INTERNAL',
  /** The workstation is closing: it refuses new work rather than start what it could not finish. */
  'SHUTTING_DOWN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Field-level detail for validation errors: path → problem. */
  details?: Record<string, string>;
}

/** What IPC handlers and client calls answer instead of throwing. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: Record<string, string>): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

/** HTTP status for each code, used by the server and by clients that map statuses back. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  CAPACITY_REACHED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SUMMARY_REQUIRED: 422,
  ALREADY_EVALUATED: 409,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 429,
  BLOCKED: 403,
  OUTSIDE_BUSINESS_HOURS: 409,
  QUEUE_FULL: 409,
  REGISTRATION_REQUIRED: 400,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_ON_SITE: 409,
  ALREADY_CHATTING: 409,
  INVITATION_PENDING: 409,
  NO_AGENT_AVAILABLE: 409,
  NETWORK: 503,
  TIMEOUT: 504,
  INTERNAL: 500,
  SHUTTING_DOWN: 503,
};

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
