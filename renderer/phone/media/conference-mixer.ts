/**
 * Three-way call (三方通话) mixed locally with Web Audio: each of the two calls sends a track that
 * mixes the agent's microphone with the OTHER call's remote audio, so both customers hear the
 * agent and each other. Both remote streams keep playing on their own audio elements.
 * Mute in a three-way call turns down the microphone's gain in both mixes: disabling the mixed
 * track (what mute does on a plain call) would silence the other party mixed into it too.
 */
import type { PageSessionDescriptionHandler } from './page-sdh.js';

interface Leg {
  handler: PageSessionDescriptionHandler;
  sender: RTCRtpSender;
  microphone: MediaStreamTrack;
  mixed: MediaStreamTrack;
}

interface Mix {
  context: AudioContext;
  legs: Map<string, Leg>;
  /** The microphone's way into each mix: gain 0 is mute. */
  microphoneGains: GainNode[];
  muted: boolean;
}

function audioSender(handler: PageSessionDescriptionHandler): RTCRtpSender {
  const sender = handler.peerConnection?.getSenders().find((candidate) => candidate.track?.kind === 'audio');
  if (!sender?.track) throw new Error('the call has no outgoing audio');
  return sender;
}

export class ConferenceMixer {
  private readonly mixes = new Map<string, Mix>();

  /** The mixed track this call sends while in a three-way call, else null (read by the media probe). */
  mixedTrack(callId: string): MediaStreamTrack | null {
    return this.mixes.get(callId)?.legs.get(callId)?.mixed ?? null;
  }

  /** True when the call is in a three-way call (mute then goes through the mix). */
  has(callId: string): boolean {
    return this.mixes.has(callId);
  }

  /** Mutes the agent's microphone in the mix of this call's three-way call; the other parties stay audible. */
  setMuted(callId: string, muted: boolean): void {
    const mix = this.mixes.get(callId);
    if (!mix) throw new Error('the call is not in a three-way call');
    mix.muted = muted;
    for (const gain of mix.microphoneGains) gain.gain.value = muted ? 0 : 1;
  }

  async start(callId: string, a: PageSessionDescriptionHandler, otherCallId: string, b: PageSessionDescriptionHandler): Promise<void> {
    if (this.mixes.has(callId) || this.mixes.has(otherCallId)) throw new Error('a call is already in a three-way call');
    const senders = [audioSender(a), audioSender(b)] as const;
    const context = new AudioContext();
    // Autoplay policy may start the context suspended; the agent clicked, so resuming is allowed.
    await context.resume().catch(() => undefined);
    const microphoneGains: GainNode[] = [];
    const mixOf = (sender: RTCRtpSender, otherRemote: MediaStream): MediaStreamTrack => {
      const destination = context.createMediaStreamDestination();
      // The microphone feeds the mix enabled (a muted call's track was disabled): mute is the gain now.
      const microphone = sender.track!;
      const gain = context.createGain();
      gain.gain.value = microphone.enabled ? 1 : 0;
      microphone.enabled = true;
      microphoneGains.push(gain);
      context
        .createMediaStreamSource(new MediaStream([microphone]))
        .connect(gain)
        .connect(destination);
      if (otherRemote.getAudioTracks().length > 0) context.createMediaStreamSource(otherRemote).connect(destination);
      return destination.stream.getAudioTracks()[0]!;
    };
    const legs = new Map<string, Leg>([
      [callId, { handler: a, sender: senders[0], microphone: senders[0].track!, mixed: mixOf(senders[0], b.remoteMediaStream) }],
      [otherCallId, { handler: b, sender: senders[1], microphone: senders[1].track!, mixed: mixOf(senders[1], a.remoteMediaStream) }],
    ]);
    const mix: Mix = { context, legs, microphoneGains, muted: microphoneGains.some((gain) => gain.gain.value === 0) };
    if (mix.muted) for (const gain of microphoneGains) gain.gain.value = 0;
    try {
      for (const leg of legs.values()) await leg.sender.replaceTrack(leg.mixed);
    } catch (error) {
      await this.restore(mix);
      throw error;
    }
    this.mixes.set(callId, mix);
    this.mixes.set(otherCallId, mix);
  }

  /** End the three-way call this call is in: every leg still open sends its microphone again. */
  async stop(callId: string): Promise<void> {
    const mix = this.mixes.get(callId);
    if (!mix) return;
    for (const id of mix.legs.keys()) this.mixes.delete(id);
    await this.restore(mix);
  }

  private async restore(mix: Mix): Promise<void> {
    for (const leg of mix.legs.values()) {
      const pc = leg.handler.peerConnection;
      // The plain call again: a muted three-way call leaves the microphone track disabled.
      leg.microphone.enabled = !mix.muted;
      if (pc && pc.connectionState !== 'closed') await leg.sender.replaceTrack(leg.microphone).catch(() => undefined);
      leg.mixed.stop();
    }
    await mix.context.close().catch(() => undefined);
  }
}
