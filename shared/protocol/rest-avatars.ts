/** REST routes of 头像 (agent avatars): set or remove one in the console or for oneself, and the picture itself. */
import { z } from 'zod';
import { AgentSchema } from '../domain.js';
import { AvatarBodySchema } from '../avatars.js';
import { IdParams } from './rest-common.js';
import type { RouteDef } from './rest.js';

export const avatarRoutes = {
  setAgentAvatar: {
    method: 'PUT',
    path: '/api/admin/agents/:id/avatar',
    access: 'leader',
    summary: "Set an agent's avatar (PNG, JPEG, GIF or WebP by its content, base64) — a group leader: agents of their own group",
    params: IdParams,
    body: AvatarBodySchema,
    response: AgentSchema,
  },
  removeAgentAvatar: {
    method: 'DELETE',
    path: '/api/admin/agents/:id/avatar',
    access: 'leader',
    summary: "Remove an agent's avatar",
    params: IdParams,
    response: AgentSchema,
  },
  setMyAvatar: {
    method: 'PUT',
    path: '/api/me/avatar',
    access: 'staff',
    summary: 'Set my own avatar (the same checks as the console: a PNG, JPEG, GIF or WebP by its content, the size limit; audit-logged)',
    body: AvatarBodySchema,
    response: AgentSchema,
  },
  removeMyAvatar: {
    method: 'DELETE',
    path: '/api/me/avatar',
    access: 'staff',
    summary: 'Remove my own avatar (audit-logged)',
    response: AgentSchema,
  },
  getAvatar: {
    method: 'GET',
    path: '/api/avatars/:id',
    access: 'public',
    summary: "An agent's avatar picture by its avatarId (public: the visitor widget shows it; a new picture gets a new id, so it is cached for ever)",
    params: IdParams,
    response: z.unknown(),
  },
} as const satisfies Record<string, RouteDef>;

/** Where an avatar is loaded from (an <img src> on the server's origin). */
export const avatarPath = (avatarId: string): string => avatarRoutes.getAvatar.path.replace(':id', encodeURIComponent(avatarId));
