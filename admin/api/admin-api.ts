/**
 * The console's REST access: the shared route client (shared/protocol/rest-client.ts) on the page's
 * own origin — the server serves the console at /admin — with the token of this browser tab.
 * A refused token (401) ends the console session with the server's reason, from any call.
 */
import { createRouteClient, type FetchPort, type RestCallOptions } from '../../shared/protocol/rest-client.js';
import type { RouteName, RouteResponse } from '../../shared/protocol/rest.js';
import type { AppError, Result } from '../../shared/errors.js';
import { xhrFetch, type UploadProgress } from './xhr-fetch.js';

export interface AdminCallOptions<N extends RouteName> extends RestCallOptions<N> {
  /** Call with this token instead of the session's (logging out a login the console refused). */
  token?: string;
  /** An upload (`bytes`) reports how much of it was sent (over XMLHttpRequest: fetch cannot). */
  onUploadProgress?: UploadProgress;
}

/** What the screens use; tests give them a fake (admin/testing/fakeApi.ts). */
export interface AdminApi {
  call<N extends RouteName>(name: N, options?: AdminCallOptions<N>): Promise<Result<RouteResponse<N>>>;
}

export interface AdminApiOptions {
  token: () => string | null;
  /** A call was refused as UNAUTHENTICATED: the session is over. */
  onUnauthenticated: (error: AppError) => void;
  fetch?: FetchPort['fetch'];
}

export function createAdminApi(options: AdminApiOptions): AdminApi {
  const clientFor = (token: () => string | null, fetch = options.fetch) => createRouteClient({ baseUrl: () => '', token, fetch });
  const session = clientFor(options.token);
  return {
    async call(name, callOptions = {}) {
      const { token, onUploadProgress, ...rest } = callOptions;
      const tokenOf = token === undefined ? options.token : () => token;
      const client = onUploadProgress ? clientFor(tokenOf, xhrFetch(onUploadProgress)) : token === undefined ? session : clientFor(tokenOf);
      const result = await client.call(name, rest);
      // A wrong password at login is UNAUTHENTICATED too, but it ends no session.
      if (!result.ok && result.error.code === 'UNAUTHENTICATED' && name !== 'login' && token === undefined) options.onUnauthenticated(result.error);
      return result;
    },
  };
}
