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
  /** The call's sender sends the three-way call's mixed track (三方通话). */
  mixed: boolean;
  /** DTMF tones this call's RTP sender played (RFC 4733). */
  dtmfPlayed: string;
  /** The microphone the call sends from (getSettings().deviceId of the captured track). */
  inputDeviceId: string | null;
  /** The speaker the remote audio plays on (the audio element's sinkId; '' = default). */
  outputSinkId: string | null;
}

declare global {
  interface Window {
    __kefuPhoneMedia?: { calls(): Promise<MediaProbeCall[]> };
  }
}

type MixedTrackOf = (callId: string) => MediaStreamTrack | null;

async function probe(callId: string, handler: PageSessionDescriptionHandler, mixedTrackOf: MixedTrackOf): Promise<MediaProbeCall> {
  const pc = handler.peerConnection;
  const result: MediaProbeCall = {
    callId,
    connectionState: pc?.connectionState ?? 'closed',
    packetsReceived: 0,
    packetsSent: 0,
    directions: [],
    mixed: false,
    dtmfPlayed: handler.tonesPlayed,
    inputDeviceId: null,
    outputSinkId: handler.outputSinkId,
  };
  if (!pc) return result;
  const mixedTrack = mixedTrackOf(callId);
  result.mixed = mixedTrack !== null && pc.getSenders().some((sender) => sender.track === mixedTrack);
  result.inputDeviceId = handler.localMediaStream.getAudioTracks()[0]?.getSettings().deviceId ?? null;
  result.directions = pc.getTransceivers().map((transceiver) => transceiver.currentDirection);
  const report = await pc.getStats();
  report.forEach((entry: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
    if (entry.type === 'inbound-rtp' && entry.kind === 'audio') result.packetsReceived += entry.packetsReceived ?? 0;
    if (entry.type === 'outbound-rtp' && entry.kind === 'audio') result.packetsSent += entry.packetsSent ?? 0;
  });
  return result;
}

export function exposeMediaProbe(handlers: Map<string, PageSessionDescriptionHandler>, mixedTrackOf: MixedTrackOf = () => null): () => void {
  window.__kefuPhoneMedia = { calls: () => Promise.all([...handlers].map(([callId, handler]) => probe(callId, handler, mixedTrackOf))) };
  return () => {
    delete window.__kefuPhoneMedia;
  };
}
