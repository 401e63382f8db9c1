/**
 * Stands in for the renderer's media side in Node tests: answers every `media:request` of a
 * workstation with signaling-only SDP, through the real `media:respond` channel.
 */
import type { MediaOp } from '../../../../shared/ipc/phone.js';
import type { Workstation } from '../../workstation.js';
import { signalingSdp } from './signaling-sdp.js';

export interface SignalingMedia {
  ops: MediaOp[];
  /** false: answer sendDtmf like a page without an RTP DTMF sender (the services fall back to INFO). */
  rtpDtmf: boolean;
  detach(): void;
}

export function attachSignalingMedia(workstation: Workstation): SignalingMedia {
  const ops: MediaOp[] = [];
  const remoteOffers = new Set<string>();
  const detach = workstation.on('media:request', ({ requestId, request }) => {
    ops.push(request);
    let value: unknown = null;
    if (request.op === 'getDescription') {
      const answering = remoteOffers.delete(request.callId);
      const hold = (request.options as { sdh?: { hold?: boolean } }).sdh?.hold === true;
      value = { body: signalingSdp(hold ? 'sendonly' : 'sendrecv'), contentType: 'application/sdp', type: answering ? 'answer' : 'offer' };
    } else if (request.op === 'setDescription' && request.type === 'offer') {
      remoteOffers.add(request.callId);
    } else if (request.op === 'sendDtmf') {
      value = media.rtpDtmf;
    }
    void workstation.handlers['media:respond']({ requestId, result: { ok: true, value } });
  });
  const media: SignalingMedia = { ops, rtpDtmf: true, detach };
  return media;
}
