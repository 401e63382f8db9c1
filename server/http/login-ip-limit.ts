/**
 * Brute-force guard on logins, per client address: after `maxFailures` failed logins from one
 * address within `windowMs`, that address's logins are refused (429 RATE_LIMITED) until the
 * window ends — whichever accounts it tried. The per-account lock is the domain's
 * (server/domain/login-guard.ts); this one catches a password tried across many accounts.
 *
 * Only failures count, not logins: a whole office behind one NAT address logs in at 9:00 without
 * tripping it. The counts live in @fastify/rate-limit's store, the one the app registered the
 * plugin with (in memory now, Redis once there are many nodes), through its createRateLimit
 * limiter: peek before the attempt, count after a failure. Attempts still being checked count
 * too, so a burst of parallel guesses cannot all pass the peek before the first one failed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normalizeIP } from '@fastify/rate-limit';
import { DomainError, refuse } from '../domain/errors.js';

export interface IpLimitPolicy {
  /** Failed logins from one address within the window after which its logins are refused. */
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_IP_LIMIT: IpLimitPolicy = { maxFailures: 30, windowMs: 15 * 60_000 };

export interface LoginIpLimit {
  /** Runs one login attempt under the limit: refuses when the address is over it, counts a failure. */
  guard<T>(request: FastifyRequest, reply: FastifyReply, attempt: () => Promise<T>): Promise<T>;
}

/** The app must have @fastify/rate-limit registered (it provides createRateLimit and the store). */
export function createLoginIpLimit(app: FastifyInstance, policy: IpLimitPolicy): LoginIpLimit {
  // Prefixed: other limiters of the same store count other things for the same address.
  const keyOf = (request: FastifyRequest): string => `login-failures:${normalizeIP(request.ip)}`;
  const failures = app.createRateLimit({ max: policy.maxFailures, timeWindow: policy.windowMs, keyGenerator: keyOf });
  const inFlight = new Map<string, number>();

  return {
    async guard(request, reply, attempt) {
      const key = keyOf(request);
      const seen = await failures(request, { increment: false });
      const pending = inFlight.get(key) ?? 0;
      if (!seen.isAllowed && seen.remaining <= pending) {
        const seconds = Math.max(1, Math.ceil(seen.ttl / 1000));
        reply.header('retry-after', String(seconds));
        const minutes = Math.ceil(seconds / 60);
        return refuse('RATE_LIMITED', `Too many failed logins from this address: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
          retryAfterSeconds: String(seconds),
        });
      }
      inFlight.set(key, pending + 1);
      try {
        return await attempt();
      } catch (err) {
        if (err instanceof DomainError && err.code === 'UNAUTHENTICATED') await failures(request);
        // The account lock says when to come back; HTTP clients read that from Retry-After.
        if (err instanceof DomainError && err.code === 'ACCOUNT_LOCKED' && err.details?.retryAfterSeconds)
          reply.header('retry-after', err.details.retryAfterSeconds);
        throw err;
      } finally {
        const left = (inFlight.get(key) ?? 1) - 1;
        if (left > 0) inFlight.set(key, left);
        else inFlight.delete(key);
      }
    },
  };
}
