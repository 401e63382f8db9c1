/**
 * A sip.js SessionDescriptionHandler whose work is done by the renderer's media side (docs/PLATFORM-NOTES.md,
 * "The softphone split"). sip.js calls the factory, hasDescription, close and sendDtmf
 * synchronously: hasDescription is answered here, close is a one-way note, sendDtmf's `true` means
 * "queued". Modifiers are functions and cannot cross the contract, so they run here: on the remote
 * description before it is sent to the page, and on the page's local description before sip.js
 * puts it in the message.
 */
import { z } from 'zod';
import type { BodyAndContentType, SessionDescriptionHandler, SessionDescriptionHandlerModifier } from 'sip.js';
import type { IceServer } from './sip-config.js';
import type { MediaBridge } from './media-bridge.js';

/** What the media side answers to getDescription. */
const DescriptionSchema = z.object({ body: z.string(), contentType: z.string(), type: z.enum(['offer', 'answer']) });

/** sip.js passes options with functions inside (e.g. onDataChannel): only plain data crosses. */
function plain(value: unknown): unknown {
  return value === undefined ? {} : (JSON.parse(JSON.stringify(value)) as unknown);
}

type Description = Parameters<SessionDescriptionHandlerModifier>[0];

async function applyModifiers(description: Description, modifiers: SessionDescriptionHandlerModifier[] | undefined) {
  let current = description;
  for (const modifier of modifiers ?? []) current = await modifier(current);
  return current;
}

export class SdhClosedError extends Error {
  constructor(callId: string) {
    super(`the media of call ${callId} is closed`);
    this.name = 'SdhClosedError';
  }
}

export interface BridgedSdhOptions {
  callId: string;
  bridge: MediaBridge;
  iceServers: IceServer[];
  /** A DTMF request failed on the media side (logged by the owner). */
  onDtmfFailed?: (error: unknown) => void;
}

export class BridgedSessionDescriptionHandler implements SessionDescriptionHandler {
  private closed = false;
  private lost = false;
  /** True between an offer the page made and the answer to it (sip.js does not say which is which). */
  private offering = false;

  constructor(private readonly options: BridgedSdhOptions) {}

  get callId(): string {
    return this.options.callId;
  }

  /** The page side is gone: every later call fails, and the owner ends the call. */
  markLost(): void {
    this.lost = true;
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async getDescription(options?: object, modifiers?: SessionDescriptionHandlerModifier[]): Promise<BodyAndContentType> {
    this.assertOpen();
    const value = await this.options.bridge.request({
      op: 'getDescription',
      callId: this.callId,
      options: { sdh: plain(options), iceServers: this.options.iceServers },
      modifierToken: null,
    });
    this.assertOpen();
    const description = DescriptionSchema.parse(value);
    // The page knows its signaling state: an offer from it means the next remote SDP is the answer.
    this.offering = description.type === 'offer';
    const modified = await applyModifiers({ type: description.type, sdp: description.body }, modifiers);
    return { body: modified.sdp ?? description.body, contentType: description.contentType };
  }

  async setDescription(sdp: string, options?: object, modifiers?: SessionDescriptionHandlerModifier[]): Promise<void> {
    this.assertOpen();
    // A remote description answers our outstanding offer, or else it is the far side's offer.
    const type = this.offering ? 'answer' : 'offer';
    const modified = await applyModifiers({ type, sdp }, modifiers);
    await this.options.bridge.request({
      op: 'setDescription',
      callId: this.callId,
      sdp: modified.sdp ?? sdp,
      type,
      options: { sdh: plain(options), iceServers: this.options.iceServers },
    });
    this.offering = false;
    this.assertOpen();
  }

  async rollbackDescription(): Promise<void> {
    this.assertOpen();
    this.offering = false;
    await this.options.bridge.request({ op: 'rollbackDescription', callId: this.callId });
  }

  sendDtmf(tones: string): boolean {
    if (this.closed || this.lost) return false;
    this.options.bridge.request({ op: 'sendDtmf', callId: this.callId, tones }).catch((error: unknown) => this.options.onDtmfFailed?.(error));
    return true;
  }

  /**
   * DTMF through the page's RTP sender, waiting for its answer: false when the page cannot send
   * RFC 4733 events for this call (the owner then falls back to SIP INFO).
   */
  async sendDtmfOverMedia(tones: string): Promise<boolean> {
    if (this.closed || this.lost) return false;
    return (await this.options.bridge.request({ op: 'sendDtmf', callId: this.callId, tones })) === true;
  }

  /** Mute: the local track is disabled on the page; no re-INVITE. */
  setMute(muted: boolean): Promise<unknown> {
    this.assertOpen();
    return this.options.bridge.request({ op: 'setMute', callId: this.callId, muted });
  }

  /** Three-way call: the page mixes this call's outgoing audio with the other call's remote audio. */
  conference(otherCallId: string): Promise<unknown> {
    this.assertOpen();
    return this.options.bridge.request({ op: 'conference', callId: this.callId, otherCallId });
  }

  /** The conference is over: the page sends the plain microphone again. */
  unconference(): Promise<unknown> {
    this.assertOpen();
    return this.options.bridge.request({ op: 'unconference', callId: this.callId });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.lost) this.options.bridge.notify({ op: 'close', callId: this.callId });
  }

  private assertOpen(): void {
    if (this.closed) throw new SdhClosedError(this.callId);
    if (this.lost) throw new SdhClosedError(this.callId);
  }
}
