/**
 * The media side of the softphone split (docs/ARCHITECTURE.md): answers the services' `media:request`s with
 * a PageSessionDescriptionHandler per call, reports peer-connection states, and announces itself
 * with `media:attach` (a reloaded page has no calls: the services end the ones that had media).
 * Mount once after login: `const stop = startPhoneMedia(getKefu())`, call `stop()` on logout.
 */
import { z } from 'zod';
import type { KefuApi } from '../../../shared/ipc/contract.js';
import type { MediaOp } from '../../../shared/ipc/phone.js';
import { PageSessionDescriptionHandler } from './page-sdh.js';
import { exposeMediaProbe } from './media-probe.js';
import { ConferenceMixer } from './conference-mixer.js';

const OptionsSchema = z.object({
  sdh: z.record(z.string(), z.unknown()).optional(),
  iceServers: z
    .array(z.object({ urls: z.union([z.string(), z.array(z.string())]), username: z.string().optional(), credential: z.string().optional() }))
    .default([]),
});

export function startPhoneMedia(kefu: KefuApi): () => void {
  const handlers = new Map<string, PageSessionDescriptionHandler>();
  const devices: { input: string | null; output: string | null } = { input: null, output: null };
  const mixer = new ConferenceMixer();

  function handlerFor(callId: string, options: unknown): PageSessionDescriptionHandler {
    const existing = handlers.get(callId);
    if (existing) return existing;
    const { iceServers } = OptionsSchema.parse(options ?? {});
    const created = new PageSessionDescriptionHandler({
      iceServers,
      inputDeviceId: () => devices.input,
      outputDeviceId: () => devices.output,
      onConnectionState: (connectionState) => void kefu.invoke('media:report', { callId, connectionState }),
    });
    handlers.set(callId, created);
    return created;
  }

  function need(callId: string): PageSessionDescriptionHandler {
    const found = handlers.get(callId);
    if (!found) throw new Error(`no media for call ${callId}`);
    return found;
  }

  async function perform(op: MediaOp): Promise<unknown> {
    switch (op.op) {
      case 'getDescription': {
        const handler = handlerFor(op.callId, op.options);
        const description = await handler.getDescription(OptionsSchema.parse(op.options ?? {}).sdh);
        return { body: description.body, contentType: description.contentType, type: handler.localType };
      }
      case 'setDescription':
        await handlerFor(op.callId, op.options).setDescription(op.sdp, OptionsSchema.parse(op.options ?? {}).sdh);
        return null;
      case 'rollbackDescription':
        await need(op.callId).rollbackDescription();
        return null;
      case 'sendDtmf':
        return need(op.callId).sendDtmf(op.tones);
      case 'close':
        // The other leg of a three-way call is told to unconference by the services; stop mixing here too.
        await mixer.stop(op.callId);
        handlers.get(op.callId)?.close();
        handlers.delete(op.callId);
        return null;
      case 'setMute':
        // In a three-way call the sender carries the mix: mute the microphone inside it instead.
        if (mixer.has(op.callId)) mixer.setMuted(op.callId, op.muted);
        else need(op.callId).enableSenderTracks(!op.muted);
        return null;
      case 'selectDevices':
        devices.input = op.inputDeviceId;
        devices.output = op.outputDeviceId;
        for (const handler of handlers.values()) handler.setOutputDevice(op.outputDeviceId);
        return null;
      case 'conference':
        await mixer.start(op.callId, need(op.callId), op.otherCallId, need(op.otherCallId));
        return null;
      case 'unconference':
        await mixer.stop(op.callId);
        return null;
    }
  }

  const off = kefu.on('media:request', ({ requestId, request }) => {
    perform(request).then(
      (value) => kefu.invoke('media:respond', { requestId, result: { ok: true, value } }),
      (error: unknown) =>
        kefu.invoke('media:respond', {
          requestId,
          result: { ok: false, error: { code: 'MEDIA_FAILED', message: (error instanceof Error ? error.message : String(error)).slice(0, 1000) } },
        }),
    );
  });
  const hideProbe = exposeMediaProbe(handlers, (callId) => mixer.mixedTrack(callId));
  void kefu.invoke('media:attach', undefined);

  return () => {
    off();
    hideProbe();
    for (const callId of handlers.keys()) void mixer.stop(callId);
    for (const handler of handlers.values()) handler.close();
    handlers.clear();
  };
}
