/**
 * 头像: an agent's picture. Stored with the attachment bytes, named by an id of its own that
 * changes with every new picture — so its address can be cached for ever — and served to anyone
 * (the visitor widget shows it) only while an agent has it.
 */
import { z } from 'zod';
import { base64LengthMax } from './table-import.js';

export const AVATAR_LIMITS = {
  /** Bytes of one picture (PNG, JPEG, GIF or WebP by its content); its base64 fits the JSON body limit. */
  bytesMax: 180 * 1024,
} as const;

export const AvatarBodySchema = z.strictObject({
  dataBase64: z.string().min(1).max(base64LengthMax(AVATAR_LIMITS.bytesMax)),
});
export type AvatarBody = z.infer<typeof AvatarBodySchema>;
