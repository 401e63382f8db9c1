import type { AdminApi, AdminCallOptions } from '../api/admin-api.js';
import type { RouteName, RouteResponse } from '../../shared/protocol/rest.js';
import { fail, type Result } from '../../shared/errors.js';

type Handler<N extends RouteName> = (options: AdminCallOptions<N>) => Result<RouteResponse<N>> | Promise<Result<RouteResponse<N>>>;
export type FakeHandlers = { [N in RouteName]?: Handler<N> };

/** The console's REST access in tests: answers from handlers per route, and remembers every call. */
export class FakeApi implements AdminApi {
  readonly calls: { name: RouteName; options: AdminCallOptions<RouteName> }[] = [];

  constructor(private readonly handlers: FakeHandlers = {}) {}

  async call<N extends RouteName>(name: N, options: AdminCallOptions<N> = {}): Promise<Result<RouteResponse<N>>> {
    this.calls.push({ name, options: options as AdminCallOptions<RouteName> });
    const handler = this.handlers[name] as Handler<N> | undefined;
    if (!handler) return fail('NOT_FOUND', `no fake for ${name}`);
    return handler(options);
  }

  callsOf(name: RouteName) {
    return this.calls.filter((c) => c.name === name);
  }
}
