/** Schemas every section of the REST table uses (./rest.ts and ./rest-*.ts), defined once. */
import { z } from 'zod';
import { UUID_PATTERN } from '../ids.js';

/** A row id in a path or body: uuids today, bounded so a path cannot carry a novel. */
export const Id = z.string().min(1).max(64);
export const IdParams = z.strictObject({ id: Id });
/** The answer of a route that has nothing to return but success. */
export const Ok = z.strictObject({ ok: z.literal(true) });

/** A message's (or whisper's) id chosen by its sender: a UUID, stored once. */
export const ClientIdSchema = z.string().regex(UUID_PATTERN, 'must be a UUID');

/** 转接 to one agent or to a group (the agent's own, and the supervisor's forced one). */
export const TransferBodySchema = z.union([z.strictObject({ toAgentId: Id }), z.strictObject({ toGroupId: Id })]);
export type TransferBody = z.infer<typeof TransferBodySchema>;
