/** Direct REST calls the tests use to check what the server stored (the source of truth). */
import { routes, type Conversation, type Message } from '../../../shared/index.js';
import { ADMIN, type Account } from './pages.js';

export async function call<T>(serverUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(serverUrl + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function login(serverUrl: string, who: Account = ADMIN): Promise<string> {
  const body = await call<{ token: string }>(serverUrl, 'POST', routes.login.path, undefined, who);
  return body.token;
}

/** Every conversation, as an admin sees them. */
export async function allConversations(serverUrl: string, adminToken: string): Promise<Conversation[]> {
  return call<Conversation[]>(serverUrl, 'GET', `${routes.listConversations.path}?limit=500`, adminToken);
}

export async function transcript(serverUrl: string, adminToken: string, conversationId: string): Promise<Message[]> {
  return call<Message[]>(serverUrl, 'GET', `/api/conversations/${conversationId}/messages?limit=500`, adminToken);
}

/** The texts of a transcript's messages from one side, in stored order. */
export const textsFrom = (messages: Message[], sender: Message['sender']): string[] =>
  messages.filter((m) => m.sender === sender && m.kind === 'text').map((m) => m.text);

/** A real 8×8 PNG (red square), made here so no binary fixture is needed. */
export function redSquarePng(): Buffer {
  return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGN4ZmODFTEMLQkAW0ZXgVodtoIAAAAASUVORK5CYII=', 'base64');
}
