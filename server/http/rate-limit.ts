/**
 * @fastify/rate-limit, registered once for the whole server with `global: false`: nothing is
 * limited unless a route asks (route config `rateLimit`) or code builds a limiter with
 * `app.createRateLimit` (the widget budgets, which the realtime hub shares). The counters' store is
 * chosen here and only here: in this process's memory now; a multi-node deployment passes a Redis
 * client so every node counts against the same budget.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../domain/errors.js';

export interface RateLimitStoreOptions {
  /** An ioredis client shared by all nodes; absent = counters in this process's memory. */
  redis?: unknown;
}

export async function registerRateLimit(app: FastifyInstance, store: RateLimitStoreOptions = {}): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    ...(store.redis ? { redis: store.redis, nameSpace: 'kefu-rate-limit-' } : {}),
    // A limiter is protection, not correctness: if its store fails, serve the request.
    skipOnError: true,
    // Routes limited through their config answer in the API's envelope; the plugin has already
    // set Retry-After by then.
    errorResponseBuilder: (_request, context) => new DomainError('RATE_LIMITED', `Too many requests; try again in ${context.after}`),
  });
}
