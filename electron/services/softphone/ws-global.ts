/**
 * sip.js's transport uses the global WebSocket, which Node 20 lacks (docs/PLATFORM-NOTES.md): install the
 * `ws` package's one once, before the first UserAgent starts.
 */
import WebSocket from 'ws';

export function ensureGlobalWebSocket(): void {
  const scope = globalThis as { WebSocket?: unknown };
  if (typeof scope.WebSocket === 'undefined') scope.WebSocket = WebSocket;
}
