/**
 * GET /api/health: public, and how a workstation tells a Kefu Desk backend from any other web
 * server before it switches to an address the agent typed (服务器地址): the answer names the
 * service, which a proxy's or another application's 200 page does not.
 */
import { z } from 'zod';

export const HEALTH_PATH = '/api/health';
export const KEFU_SERVICE = 'kefu-desk';

export const HealthSchema = z.object({ ok: z.literal(true), service: z.literal(KEFU_SERVICE) });
export type Health = z.infer<typeof HealthSchema>;

export const health = (): Health => ({ ok: true, service: KEFU_SERVICE });
