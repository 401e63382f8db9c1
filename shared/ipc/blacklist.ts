/**
 * The 黑名单 part of the IPC contract: whether this agent may put a visitor on the blacklist (the
 * company's setting, admins always), and doing it for the visitor of a conversation.
 */
import { z } from 'zod';
import { textField } from '../domain.js';
import { BLACKLIST_LIMITS, type BlacklistEntry } from '../protocol/rest-blacklist.js';
import { invoke, Id, Void } from './invoke.js';

export const blacklistInvokeChannels = {
  /** Asked of the server each time (an admin may change the setting at any moment). */
  'blacklist:can-add': invoke<boolean>()(Void),
  /** 加入黑名单: the conversation's visitor, with the agent's reason; their chat ends at once. */
  'blacklist:add-visitor': invoke<BlacklistEntry>()(z.strictObject({ conversationId: Id, reason: textField(BLACKLIST_LIMITS.reasonMax) })),
} as const;
