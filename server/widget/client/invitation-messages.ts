/**
 * 主动邀请 between the hidden trail frame (our origin, trail.ts) and the host page's script
 * (embed.ts): the frame holds the browse socket and the visitor's token, the host page shows the
 * card. Each side checks the sender (window and origin) and the shape of what it got, by hand — the
 * host side is bundled into widget.js, which stays small.
 */
import { WIDGET_ID_PATTERN } from './params.js';

/** Frame → host: show this invitation (pending) or take it down (anything else). */
export const INVITATION_MESSAGE = 'kefu-widget:invitation';
/** Host → frame: the visitor pressed 拒绝 on this invitation. */
export const DECLINE_MESSAGE = 'kefu-widget:decline';

/** What the card needs of an invitation. */
export interface InvitationCardData {
  id: string;
  fromName: string;
  text: string;
  pending: boolean;
}

/** The longest name and words the card shows (the server's limits, with room to spare). */
const NAME_MAX = 100;
const TEXT_MAX = 400;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The invitation of an INVITATION_MESSAGE, or null when the message is not one (or malformed). */
export function parseInvitationMessage(data: unknown): InvitationCardData | null {
  if (!isRecord(data) || data.type !== INVITATION_MESSAGE || !isRecord(data.invitation)) return null;
  const { id, fromName, text, pending } = data.invitation;
  if (typeof id !== 'string' || !WIDGET_ID_PATTERN.test(id)) return null;
  if (typeof fromName !== 'string' || fromName.length > NAME_MAX) return null;
  if (typeof text !== 'string' || text.length > TEXT_MAX) return null;
  if (typeof pending !== 'boolean') return null;
  return { id, fromName, text, pending };
}

/** The id of a DECLINE_MESSAGE, or null. */
export function parseDeclineMessage(data: unknown): string | null {
  if (!isRecord(data) || data.type !== DECLINE_MESSAGE) return null;
  return typeof data.id === 'string' && WIDGET_ID_PATTERN.test(data.id) ? data.id : null;
}
