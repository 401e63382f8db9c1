/** The company auto-reply as the 公司设置 form holds it (under `autoReply`), checked as the server checks it. */
import { CompanyAutoReplySchema, type CompanyAutoReply } from '../../shared/phrases.js';

export const AUTO_REPLY_FIELDS = Object.keys(CompanyAutoReplySchema.shape) as (keyof CompanyAutoReply)[];

/** Whether the not-responding seconds are off (0) or within the rule's range; the schema is the one the server uses. */
export function notRespondingProblem(value: number | null | undefined): boolean {
  return !CompanyAutoReplySchema.shape.notRespondingSeconds.safeParse(value).success;
}

/** The auto-reply to send, or null when the admin changed none of it. */
export function changedAutoReply(values: Partial<CompanyAutoReply> | undefined, current: CompanyAutoReply): CompanyAutoReply | null {
  if (!values) return null;
  const next = { ...current, ...values };
  return AUTO_REPLY_FIELDS.some((name) => next[name] !== current[name]) ? next : null;
}
