/**
 * Signaling-only SDP for tests and the bench: there is no WebRTC in Node, and a plain RTP caller
 * (sipp) cannot reach WebRTC media anyway (docs/PLATFORM-NOTES.md). Offer/answer still run for real.
 */
import type { BodyAndContentType, SessionDescriptionHandler } from 'sip.js';

let version = 1;

export function signalingSdp(direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive' = 'sendrecv'): string {
  version++;
  return [
    'v=0',
    `o=- 4242 ${version} IN IP4 127.0.0.1`,
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 9 RTP/AVP 0 101',
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:101 telephone-event/8000',
    `a=${direction}`,
    '',
  ].join('\r\n');
}

/** The description handler of a plain signaling-only UA (the far side in tests, the bench's baseline). */
export class SignalingOnlySdh implements SessionDescriptionHandler {
  remoteSdp: string | null = null;
  dtmf: string[] = [];
  closed = false;

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }
  async getDescription(options?: object): Promise<BodyAndContentType> {
    const hold = (options as { hold?: boolean } | undefined)?.hold === true;
    return { body: signalingSdp(hold ? 'sendonly' : 'sendrecv'), contentType: 'application/sdp' };
  }
  async setDescription(sdp: string): Promise<void> {
    this.remoteSdp = sdp;
  }
  async rollbackDescription(): Promise<void> {}
  sendDtmf(tones: string): boolean {
    this.dtmf.push(tones);
    return true;
  }
  close(): void {
    this.closed = true;
  }
}
