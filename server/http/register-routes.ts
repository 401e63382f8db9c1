/**
 * One generic registration for every route of shared/protocol/rest.ts: authenticate by the
 * route's access, validate params/query/body with its zod schemas, call the handler, send JSON.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { LIMITS, routes, type RouteDef, type RouteName, type Routes } from '../../shared/index.js';
import type { DomainContext, Principal } from '../domain/context.js';
import { authenticate, authenticateToken } from '../domain/accounts.js';
import { sessionRefusal, touchSession } from '../domain/sessions.js';
import { DomainError, refuse } from '../domain/errors.js';
import { refuseUntilPasswordChanged } from '../domain/own-password.js';
import { assertQueryDecodes, assertSafeText } from './request-text.js';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;
type Part<N extends RouteName, K extends string> = Routes[N] extends Record<K, infer S> ? Out<S> : undefined;
type PrincipalFor<A> = A extends 'public' ? Principal | null : A extends 'staff' | 'leader' | 'admin' ? Extract<Principal, { kind: 'staff' }> : Principal;

export interface HandlerInput<N extends RouteName> {
  params: Part<N, 'params'>;
  query: Part<N, 'query'>;
  body: Part<N, 'body'>;
  principal: PrincipalFor<Routes[N]['access']>;
  request: FastifyRequest;
  reply: FastifyReply;
}
export type Handler<N extends RouteName> = (input: HandlerInput<N>) => unknown;
export type Handlers = { [N in RouteName]: Handler<N> };

/** JSON bodies are small; only uploads take big raw bodies (their own limit). */
export const JSON_BODY_MAX = 256 * 1024;
/** Routes whose body is the raw bytes of a file (any content type), registered in their own parser scope. */
export const RAW_BODY_ROUTES: readonly RouteName[] = ['upload', 'uploadFilePhrase'];

function bearer(request: FastifyRequest, allowQuery: boolean): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  if (allowQuery) {
    const token = (request.query as Record<string, unknown> | undefined)?.token;
    if (typeof token === 'string' && token.length > 0 && token.length <= 128) return token;
  }
  return undefined;
}

function principalFor(ctx: DomainContext, def: RouteDef, request: FastifyRequest, allowQuery: boolean): Principal | null {
  const token = bearer(request, allowQuery);
  if (def.access === 'public') return token ? (authenticate(ctx, token) ?? null) : null;
  if (!token) return refuse('UNAUTHENTICATED', 'Log in first (Authorization: Bearer <token>)');
  const auth = authenticateToken(ctx, token);
  // Says why (expired, logged out, password changed…): the workstation refreshes or shows it.
  if (auth.principal === null) throw sessionRefusal(auth.reason);
  const principal = auth.principal;
  if (def.access === 'visitor') return principal;
  if (principal.kind !== 'staff') return refuse('FORBIDDEN', 'Only agents may call this');
  if (def.access === 'admin' && principal.agent.role !== 'admin') return refuse('FORBIDDEN', 'Only admins may call this');
  if (def.access === 'leader' && principal.agent.role === 'agent') return refuse('FORBIDDEN', 'Only admins and group leaders may call this');
  return principal;
}

function parse(schema: z.ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (!schema) return undefined;
  // Before the schema: NUL and lone surrogates are refused in every field of every route at once.
  assertSafeText(value, where);
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) {
    const details: Record<string, string> = {};
    for (const issue of result.error.issues) details[[where, ...issue.path].join('.')] ??= issue.message;
    refuse('VALIDATION_FAILED', `The request ${where} is not valid`, details);
  }
  return result.data;
}

const isJson = (type: string | undefined): boolean => !!type && /^application\/json\s*(;|$)/i.test(type);

export function registerRoutes(app: FastifyInstance, ctx: DomainContext, handlers: Handlers, names: RouteName[] = Object.keys(routes) as RouteName[]): void {
  for (const name of names) {
    const def: RouteDef = routes[name];
    const rawBody = RAW_BODY_ROUTES.includes(name);
    app.route({
      method: def.method,
      url: def.path,
      bodyLimit: rawBody ? LIMITS.fileBytesMax : JSON_BODY_MAX,
      handler: async (request, reply) => {
        const principal = principalFor(ctx, def, request, name === 'getAttachment');
        // An account created or reset in the console changes its password before anything else.
        if (def.access !== 'public') refuseUntilPasswordChanged(principal, name);
        const params = parse(def.params, request.params, 'params');
        if (def.query) assertQueryDecodes(request.url);
        const query = parse(def.query, request.query, 'query');
        let body: unknown;
        if (rawBody) {
          body = request.body;
        } else if (def.body) {
          if (!isJson(request.headers['content-type'])) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
          body = parse(def.body, request.body, 'body');
        } else if (request.body !== undefined && !(typeof request.body === 'object' && request.body !== null && Object.keys(request.body).length === 0)) {
          refuse('VALIDATION_FAILED', 'This request takes no body', { body: 'must be empty' });
        }
        const handler = handlers[name] as Handler<RouteName>;
        const result = await handler({ params, query, body, principal, request, reply } as HandlerInput<RouteName>);
        // Activity keeps a staff token from going idle; counted only for calls that did something.
        if (principal?.kind === 'staff' && name !== 'logout') touchSession(ctx, principal.session);
        if (reply.sent) return reply;
        return reply.code(200).send(result);
      },
    });
  }
}
