/**
 * The baseline: a bare `ws` relay that carries the same frames as the kefu server
 * (shared/protocol/realtime.ts shapes) but stores nothing, validates nothing and routes by a
 * table given in the hello token. What the kefu server costs beyond this is the price of
 * "nothing lost" (validation, SQLite, event log, authorization) — the ratio the bench reports.
 *
 * Tokens (relay-only convention): `agent:<agentId>` and `visitor:<conversationId>:<agentId>`.
 */
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { REALTIME_PATH } from '../../shared/protocol/realtime.js';

export interface RelayHandle {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface VisitorRoute {
  conversationId: string;
  agentId: string;
}

/** Just enough parsing to route; a relay that skipped JSON entirely could not build the event. */
interface RelayFrame {
  type?: string;
  token?: string;
  conversationId?: string;
  message?: { clientId?: string; kind?: string; text?: string };
}

export async function startRelay(): Promise<RelayHandle> {
  const agents = new Map<string, WebSocket>();
  const seqByConversation = new Map<string, number>();
  let globalSeq = 0;
  let messageCounter = 0;
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: REALTIME_PATH, perMessageDeflate: false });

  wss.on('connection', (socket) => {
    let visitorRoute: VisitorRoute | null = null;
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as RelayFrame;
      if (frame.type === 'hello') {
        const [role, first, second] = (frame.token ?? '').split(':');
        if (role === 'agent' && first) agents.set(first, socket);
        else if (role === 'visitor' && first && second) visitorRoute = { conversationId: first, agentId: second };
        socket.send(JSON.stringify({ type: 'welcome', role: role === 'agent' ? 'agent' : 'visitor', headSeq: globalSeq }));
        socket.send(JSON.stringify({ type: 'replay.done', headSeq: globalSeq }));
        return;
      }
      if (frame.type !== 'message.send' || !visitorRoute || !frame.message) return;
      const conversationId = visitorRoute.conversationId;
      const seq = (seqByConversation.get(conversationId) ?? 0) + 1;
      seqByConversation.set(conversationId, seq);
      globalSeq += 1;
      messageCounter += 1;
      const message = {
        id: `relay-${messageCounter}`,
        conversationId,
        seq,
        clientId: frame.message.clientId ?? '',
        sender: 'visitor',
        senderId: null,
        senderName: 'visitor',
        kind: 'text',
        text: frame.message.text ?? '',
        attachment: null,
        createdAt: Date.now(),
      };
      agents.get(visitorRoute.agentId)?.send(JSON.stringify({ type: 'event', seq: globalSeq, event: { type: 'message.created', message } }));
      socket.send(JSON.stringify({ type: 'ack', clientId: message.clientId, message }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const port = (wss.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
