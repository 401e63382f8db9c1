/** A visitor driven over the server's REST API (what the widget does), for workstation tests. */
import { uuidv7 } from '../../../shared/ids.js';
import type { Conversation, Message } from '../../../shared/domain.js';

export interface TestVisitor {
  token: string;
  conversation: Conversation;
  say(text: string): Promise<Message>;
  messages(): Promise<Message[]>;
}

async function call<T>(baseUrl: () => string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, baseUrl()), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** `baseUrl` is a function so the visitor follows a restarted server. */
export async function startVisitor(baseUrl: () => string, name: string): Promise<TestVisitor> {
  const session = await call<{ token: string }>(baseUrl, 'POST', '/api/visitor/session', null, { name });
  const started = await call<{ outcome: string; conversation?: Conversation }>(baseUrl, 'POST', '/api/visitor/conversation', session.token);
  if (started.outcome !== 'started' || !started.conversation) throw new Error(`no conversation: ${JSON.stringify(started)}`);
  const conversation = started.conversation;
  return {
    token: session.token,
    conversation,
    say: (text) => call<Message>(baseUrl, 'POST', `/api/conversations/${conversation.id}/messages`, session.token, { clientId: uuidv7(), kind: 'text', text }),
    messages: () => call<Message[]>(baseUrl, 'GET', `/api/conversations/${conversation.id}/messages?afterSeq=0&limit=500`, session.token),
  };
}
