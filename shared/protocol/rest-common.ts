/** Schemas every section of the REST table uses (./rest.ts and ./rest-*.ts), defined once. */
import { z } from 'zod';

/** A row id in a path or body: uuids today, bounded so a path cannot carry a novel. */
export const Id = z.string().min(1).max(64);
export const IdParams = z.strictObject({ id: Id });
/** The answer of a route that has nothing to return but success. */
export const Ok = z.strictObject({ ok: z.literal(true) });
