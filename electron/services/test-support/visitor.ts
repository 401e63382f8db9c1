/**
 * A visitor driven over the server's REST API (what the widget does), for workstation tests and
 * the packaged-app checks (test/packaging/support/backend.ts), which talk to the same server the
 * same way.
 */
import { uuidv7 } from '../../../shared/ids.js';
import type { Conversation, Message } from '../../../shared/domain.js';

export interface TestVisitor {
  token: string;
  conversation: Conversation;
  say(text: string): Promise<Message>;
  messages(): Promise<Message[]>;
}

/** One JSON call to the server from outside it; anything but 2xx throws with the answer. */
export async function rest<T>(baseUrl: string, method: string, path: string, token?: string | null, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A new visitor session and its conversation, started (routed to an agent or queued); throws when none could start. */
export async function openVisitorChat(baseUrl: string, session: { name?: string } = {}): Promise<{ token: string; conversation: Conversation }> {
  const { token } = await rest<{ token: string }>(baseUrl, 'POST', '/api/visitor/session', null, session);
  const started = await rest<{ outcome: string; conversation?: Conversation }>(baseUrl, 'POST', '/api/visitor/conversation', token);
  if (started.outcome !== 'started' || !started.conversation) throw new Error(`no conversation: ${JSON.stringify(started)}`);
  return { token, conversation: started.conversation };
}

/** `baseUrl` is a function so the visitor follows a restarted server. */
export async function startVisitor(baseUrl: () => string, name: string): Promise<TestVisitor> {
  const { token, conversation } = await openVisitorChat(baseUrl(), { name });
  return {
    token,
    conversation,
    say: (text) => rest<Message>(baseUrl(), 'POST', `/api/conversations/${conversation.id}/messages`, token, { clientId: uuidv7(), kind: 'text', text }),
    messages: () => rest<Message[]>(baseUrl(), 'GET', `/api/conversations/${conversation.id}/messages?afterSeq=0&limit=500`, token),
  };
}
