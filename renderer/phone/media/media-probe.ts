/**
 * Read-only numbers about the live peer connections on `window.__kefuPhoneMedia`, so end-to-end
 * tests can check that RTP flows (getStats) and that hold changed the direction.
 */
import type { PageSessionDescriptionHandler } from './page-sdh.js';

export interface MediaProbeCall {
  callId: string;
  connectionState: RTCPeerConnectionState | 'closed';
  packetsReceived: number;
  packetsSent: number;
  directions: (RTCRtpTransceiverDirection | null)[];
}

declare global {
  interface Window {
    __kefuPhoneMedia?: { calls(): Promise<MediaProbeCall[]> };
  }
}

async function probe(callId: string, handler: PageSessionDescriptionHandler): Promise<MediaProbeCall> {
  const pc = handler.peerConnection;
  const result: MediaProbeCall = { callId, connectionState: pc?.connectionState ?? 'closed', packetsReceived: 0, packetsSent: 0, directions: [] };
  if (!pc) return result;
  result.directions = pc.getTransceivers().map((transceiver) => transceiver.currentDirection);
  const report = await pc.getStats();
  report.forEach((entry: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
    if (entry.type === 'inbound-rtp' && entry.kind === 'audio') result.packetsReceived += entry.packetsReceived ?? 0;
    if (entry.type === 'outbound-rtp' && entry.kind === 'audio') result.packetsSent += entry.packetsSent ?? 0;
  });
  return result;
}

export function exposeMediaProbe(handlers: Map<string, PageSessionDescriptionHandler>): () => void {
  window.__kefuPhoneMedia = { calls: () => Promise.all([...handlers].map(([callId, handler]) => probe(callId, handler))) };
  return () => {
    delete window.__kefuPhoneMedia;
  };
}
