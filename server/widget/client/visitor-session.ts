/** The visitor's session: who the widget is for, and which group or agent its link names. */
import type { Result } from '../../../shared/errors.js';
import type { RouteBody, RouteResponse } from '../../../shared/protocol/rest.js';
import type { WidgetApi } from './api.js';
import type { WidgetParams } from './params.js';

/** The session route's body: the kept token and the link's group or agent (指定客服). */
export function sessionBody(params: WidgetParams, token: string | null | undefined): RouteBody<'visitorSession'> {
  return { token: token ?? undefined, groupId: params.groupId, agentId: params.agentId };
}

/**
 * Opens the session. A stale embed naming a removed group or agent should still reach someone: it
 * is asked again without them, and the params forget them so later calls (resync) do too.
 */
export async function openVisitorSession(
  api: Pick<WidgetApi, 'call'>,
  params: WidgetParams,
  token: string | null | undefined,
): Promise<Result<RouteResponse<'visitorSession'>>> {
  const body = sessionBody(params, token);
  const result = await api.call('visitorSession', { body });
  if (result.ok || !(body.groupId || body.agentId) || !['NOT_FOUND', 'VALIDATION_FAILED'].includes(result.error.code)) return result;
  console.warn(`[kefu widget] ${result.error.message}; continuing without group/agent`);
  params.groupId = undefined;
  params.agentId = undefined;
  return api.call('visitorSession', { body: sessionBody(params, token) });
}
