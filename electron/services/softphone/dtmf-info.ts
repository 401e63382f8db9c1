/**
 * DTMF: RFC 4733 through the media side first; else SIP INFO (application/dtmf-relay), one request
 * per digit and in order. INFO is the fallback when the page cannot send RFC 4733 events (no DTMF
 * sender, or the far side offered no telephone-event): many PBX menus and IVRs accept INFO instead.
 */
import type { Session, SessionDescriptionHandler } from 'sip.js';
import type { Log } from '../logger.js';
import { BridgedSessionDescriptionHandler } from './bridged-sdh.js';

/** Duration of each tone in milliseconds, as most PBXs expect it. */
const TONE_MS = 160;

export async function sendDtmfAsInfo(session: Session, tones: string): Promise<void> {
  for (const tone of tones) {
    const refused = await new Promise<number | null>((resolve, reject) => {
      session
        .info({
          requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=${TONE_MS}` } },
          requestDelegate: {
            onAccept: () => resolve(null),
            onReject: (response) => resolve(response.message.statusCode ?? 0),
          },
        })
        .catch(reject);
    });
    if (refused !== null) throw new Error(`the other side refused DTMF over SIP INFO (${refused})`);
  }
}

/** Tries RFC 4733 through the call's media; false when the media side could not send the tones. */
export async function sentOverMedia(sdh: SessionDescriptionHandler, tones: string, log: Log): Promise<boolean> {
  if (!(sdh instanceof BridgedSessionDescriptionHandler)) return sdh.sendDtmf(tones);
  return sdh.sendDtmfOverMedia(tones).catch((error: unknown) => {
    log('phone: RTP DTMF failed, using SIP INFO', error instanceof Error ? error.message : error, 'info');
    return false;
  });
}
