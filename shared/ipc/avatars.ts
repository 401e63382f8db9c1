/**
 * 头像 in the workstation over IPC. The page has no token and loads nothing from the server itself:
 * a picture comes through the services as base64 (like a message's attachments) and is shown as a
 * data URL; the agent sets or removes their own picture (我的头像) through the services too.
 */
import { z } from 'zod';
import type { Agent } from '../domain.js';
import { AvatarBodySchema } from '../avatars.js';
import { invoke, Id, Void } from './invoke.js';

export const avatarInvokeChannels = {
  /** An agent's picture by its avatarId (an Agent's `avatarId`); never changes, so the page may keep it. */
  'avatars:get': invoke<{ mime: string; dataBase64: string }>()(z.strictObject({ avatarId: Id })),
  /** 我的头像: a PNG, JPEG, GIF or WebP (the server checks the bytes and the size); answers the agent as now. */
  'avatars:set-mine': invoke<Agent>()(AvatarBodySchema),
  'avatars:remove-mine': invoke<Agent>()(Void),
} as const;
