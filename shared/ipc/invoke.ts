/**
 * The building blocks every section of the IPC contract uses, in one place so the sections need
 * nothing from contract.ts (which composes them): the `invoke` definition helper, the id and void
 * request schemas, and the schema of a file carried as base64.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';

/** An id as the services and the server hand them out. */
export const Id = z.string().min(1).max(64);
/** A channel that takes no request. */
export const Void = z.undefined();

export interface InvokeDef<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom: the value type of the Result. */
  response: Res;
}

/** Curried so the request type is inferred from the schema while the response type is named. */
export const invoke =
  <Res>() =>
  <Req extends z.ZodType>(request: Req): InvokeDef<Req, Res> => ({ request, response: undefined as Res });

/** A file sent from the page: its name (by default any up to the limit) and its bytes as base64. */
export const filePayloadSchema = <Name extends z.ZodType<string>>(name: Name) =>
  z.strictObject({
    name,
    /** Base64 of the bytes; the server checks the real type. */
    dataBase64: z
      .string()
      .min(1)
      .max(Math.ceil((LIMITS.fileBytesMax * 4) / 3) + 4),
  });

export const FilePayloadSchema = filePayloadSchema(z.string().min(1).max(LIMITS.fileNameMax));
