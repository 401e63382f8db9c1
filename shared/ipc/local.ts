/**
 * Messages and conversations as the workstation shows them (its cache plus what it has not sent
 * yet). Kept apart from contract.ts so the sections can name them without importing the file
 * that composes them.
 */
import { z } from 'zod';
import { ConversationSchema, MessageSchema } from '../domain.js';

/** Where a message the agent sent stands: shown "sending" until the server has stored it. */
export const DeliverySchema = z.enum(['sending', 'sent', 'failed']);
export type Delivery = z.infer<typeof DeliverySchema>;

/** A message as the workstation shows it: stored ones, and the agent's own not yet acknowledged. */
export const LocalMessageSchema = MessageSchema.extend({
  delivery: DeliverySchema,
  /** Why it failed (only with delivery 'failed'). */
  failure: z.string().nullable(),
});
export type LocalMessage = z.infer<typeof LocalMessageSchema>;

/** A conversation as the workstation shows it: the server's record plus what this agent has not read. */
export const LocalConversationSchema = ConversationSchema.extend({
  unread: z.number().int().nonnegative(),
});
export type LocalConversation = z.infer<typeof LocalConversationSchema>;
