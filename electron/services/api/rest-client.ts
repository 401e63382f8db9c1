/**
 * The workstation services' REST client: the typed route client of shared/protocol/rest-client.ts
 * (also the management console's), plus downloads as Node Buffers for attachments and exports.
 */
import { createRouteClient, type RestCallOptions, type RouteClientOptions } from '../../../shared/protocol/rest-client.js';
import type { RouteName, RouteResponse } from '../../../shared/protocol/rest.js';
import { ok, type Result } from '../../../shared/errors.js';

export type { RestCallOptions } from '../../../shared/protocol/rest-client.js';

export interface RestClient {
  call<N extends RouteName>(name: N, options?: RestCallOptions<N>): Promise<Result<RouteResponse<N>>>;
  /** Raw GET of a binary resource (attachments). */
  download(path: string): Promise<Result<{ mime: string; bytes: Buffer; name: string }>>;
}

export type RestClientOptions = Omit<RouteClientOptions, 'fetch'>;

export function createRestClient(options: RestClientOptions): RestClient {
  const client = createRouteClient(options);
  return {
    call: (name, callOptions) => client.call(name, callOptions),

    async download(path) {
      const response = await client.get(path);
      if (!response.ok) return response;
      const disposition = response.value.headers.get('content-disposition') ?? '';
      const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
      return ok({
        mime: response.value.headers.get('content-type') ?? 'application/octet-stream',
        bytes: Buffer.from(await response.value.arrayBuffer()),
        name: name ? decodeURIComponent(name) : '',
      });
    },
  };
}
