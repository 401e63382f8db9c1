/**
 * Widget parameters (group, agent, lang) as they arrive from a company's page: the embed
 * script's data-* attributes and the /widget?… query. Anything that is not a plain id is ignored
 * with a console warning, so a typo on a customer's site never reaches the server as garbage.
 */
export const WIDGET_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export type WidgetLang = 'zh-CN' | 'en';

export interface WidgetParams {
  groupId?: string;
  agentId?: string;
  lang: WidgetLang;
  /** 主动邀请: the chat window was opened by the invitation card's 接受 (embed.ts); the app accepts it. */
  invitationId?: string;
}

export type Warn = (message: string) => void;

const defaultWarn: Warn = (message) => console.warn(`[kefu widget] ${message}`);

export function validId(name: string, value: string | null | undefined, warn: Warn = defaultWarn): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (WIDGET_ID_PATTERN.test(value)) return value;
  warn(`ignored ${name}: expected 1–64 letters, digits, _ or -`);
  return undefined;
}

export function parseLang(value: string | null | undefined, warn: Warn = defaultWarn): WidgetLang {
  if (value === null || value === undefined || value === '') return 'zh-CN';
  const lower = value.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  warn(`ignored lang: expected zh-CN or en`);
  return 'zh-CN';
}

/** Reads the /widget page's own query string. */
export function parseWidgetQuery(search: string, warn: Warn = defaultWarn): WidgetParams {
  const query = new URLSearchParams(search);
  const params: WidgetParams = { lang: parseLang(query.get('lang'), warn) };
  const groupId = validId('group', query.get('group'), warn);
  const agentId = validId('agent', query.get('agent'), warn);
  const invitationId = validId('invitation', query.get('invitation'), warn);
  if (groupId) params.groupId = groupId;
  if (agentId) params.agentId = agentId;
  if (invitationId) params.invitationId = invitationId;
  return params;
}

/** The query the embed script puts on the iframe's /widget URL. */
export function widgetQuery(params: WidgetParams): string {
  const query = new URLSearchParams();
  if (params.groupId) query.set('group', params.groupId);
  if (params.agentId) query.set('agent', params.agentId);
  query.set('lang', params.lang);
  if (params.invitationId) query.set('invitation', params.invitationId);
  return query.toString();
}
