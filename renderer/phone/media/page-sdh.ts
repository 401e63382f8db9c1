/**
 * The renderer's description handler: sip.js's own Web.SessionDescriptionHandler (it owns the
 * RTCPeerConnection and getUserMedia), plus what sip.js 0.21.2 lacks — rollbackDescription, with
 * the transceiver direction restored (docs/PLATFORM-NOTES.md) — and the remote audio element.
 */
import { Web } from 'sip.js';

type Logger = ConstructorParameters<typeof Web.SessionDescriptionHandler>[0];

/** sip.js wants a Logger; the media side stays quiet apart from errors. */
const quietLogger = {
  error: (message: string) => console.error('[phone media]', message),
  warn: () => undefined,
  log: () => undefined,
  debug: () => undefined,
} as unknown as Logger;

export interface PageSdhOptions {
  iceServers: RTCIceServer[];
  inputDeviceId: () => string | null;
  outputDeviceId: () => string | null;
  onConnectionState: (state: RTCPeerConnectionState) => void;
}

type SinkAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export class PageSessionDescriptionHandler extends Web.SessionDescriptionHandler {
  private audio: SinkAudio | null = null;
  private dtmfSender: RTCDTMFSender | null = null;
  /** Tones the RTP DTMF sender actually played (RFC 4733 events), for the media probe. */
  tonesPlayed = '';

  constructor(private readonly pageOptions: PageSdhOptions) {
    super(
      quietLogger,
      (constraints) => {
        const input = pageOptions.inputDeviceId();
        const audio = constraints.audio && input ? { deviceId: { exact: input } } : constraints.audio;
        return navigator.mediaDevices.getUserMedia({ audio, video: false });
      },
      // Empty ICE servers unless configured: never a public STUN server (docs/PLATFORM-NOTES.md).
      { peerConnectionConfiguration: { ...Web.defaultPeerConnectionConfiguration(), iceServers: pageOptions.iceServers }, iceGatheringTimeout: 2000 },
    );
    const pc = this.peerConnection;
    pc?.addEventListener('connectionstatechange', () => pageOptions.onConnectionState(pc.connectionState));
    this.peerConnectionDelegate = { ontrack: () => this.playRemote() };
  }

  /** The signaling state decides whether the page's description is an offer or an answer. */
  get localType(): 'offer' | 'answer' {
    return this.peerConnection?.localDescription?.type === 'answer' ? 'answer' : 'offer';
  }

  async rollbackDescription(): Promise<void> {
    const pc = this.peerConnection;
    if (!pc) throw new Error('the peer connection is closed');
    if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
    else if (pc.signalingState === 'have-remote-offer') await pc.setRemoteDescription({ type: 'rollback' });
    // Rollback does not undo the direction hold set on the transceivers.
    for (const transceiver of pc.getTransceivers()) {
      const current = transceiver.currentDirection;
      if (current && current !== 'stopped' && transceiver.direction !== current) transceiver.direction = current;
    }
  }

  /** sip.js's RTP DTMF, plus a note of each tone as the sender plays it (a browser cannot read received ones). */
  override sendDtmf(tones: string, options?: { duration: number; interToneGap: number }): boolean {
    const sent = super.sendDtmf(tones, options);
    const sender = this.peerConnection?.getSenders()[0]?.dtmf ?? null;
    if (sent && sender && sender !== this.dtmfSender) {
      this.dtmfSender = sender;
      sender.addEventListener('tonechange', (event) => {
        if (event.tone) this.tonesPlayed += event.tone;
      });
    }
    return sent;
  }

  /** The speaker this call plays on ('' = the system default), for the media probe. */
  get outputSinkId(): string | null {
    return (this.audio as (SinkAudio & { sinkId?: string }) | null)?.sinkId ?? null;
  }

  setOutputDevice(deviceId: string | null): void {
    if (this.audio?.setSinkId) this.audio.setSinkId(deviceId ?? '').catch((error: unknown) => console.error('[phone media] setSinkId', error));
  }

  override close(): void {
    if (this.audio) {
      this.audio.srcObject = null;
      this.audio.remove();
      this.audio = null;
    }
    super.close();
  }

  private playRemote(): void {
    if (!this.audio) {
      this.audio = document.createElement('audio') as SinkAudio;
      this.audio.autoplay = true;
      this.audio.dataset.kefuPhoneAudio = '';
      document.body.appendChild(this.audio);
      this.setOutputDevice(this.pageOptions.outputDeviceId());
    }
    this.audio.srcObject = this.remoteMediaStream;
    this.audio.play().catch(() => undefined);
  }
}
