/**
 * Call controls as plain functions (buttons in the header, the call panel and the modal share them).
 * Each updates the phone store from the answer and returns the failure, if any, for a toast.
 */
import type { AppError } from '../../shared/errors.js';
import type { LiveCall } from '../../shared/ipc/phone.js';
import { invoke } from '../app/kefu.js';
import { currentCall } from './phoneLogic.js';
import { usePhoneStore } from './phoneStore.js';
import { usePhoneView } from './phoneViewStore.js';

const store = usePhoneStore.getState;

const applyCall = (result: { ok: true; value: LiveCall } | { ok: false; error: AppError }): AppError | null => {
  if (!result.ok) return result.error;
  store().applyCall(result.value);
  return null;
};

/** Answers; a call already in progress is held first (call waiting: answer holds the first). */
export async function answer(callId: string): Promise<AppError | null> {
  const engaged = currentCall(store().state.calls);
  if (engaged && engaged.id !== callId && engaged.state === 'established' && !engaged.onHold) {
    const held = applyCall(await invoke('phone:set-hold', { callId: engaged.id, hold: true }));
    if (held) return held;
  }
  const failure = applyCall(await invoke('phone:answer', { callId }));
  // The customer's record (screen pop), the call controls and, afterwards, the 话后处理 form all
  // live in the 电话 view: an answered call brings the agent there.
  if (!failure) usePhoneView.getState().open();
  return failure;
}

export async function reject(callId: string): Promise<AppError | null> {
  const result = await invoke('phone:reject', { callId });
  return result.ok ? null : result.error;
}

export async function hangUp(callId: string): Promise<AppError | null> {
  const result = await invoke('phone:hang-up', { callId });
  return result.ok ? null : result.error;
}

export async function setMute(callId: string, muted: boolean): Promise<AppError | null> {
  return applyCall(await invoke('phone:set-mute', { callId, muted }));
}

export async function setHold(callId: string, hold: boolean): Promise<AppError | null> {
  return applyCall(await invoke('phone:set-hold', { callId, hold }));
}

/** Call waiting: hold the call the agent talks on (if any), then resume the other one. */
export async function switchTo(currentId: string | null, otherId: string): Promise<AppError | null> {
  const talking = currentId ? store().state.calls.find((c) => c.id === currentId && c.state === 'established' && !c.onHold) : undefined;
  if (talking) {
    const held = await setHold(talking.id, true);
    if (held) return held;
  }
  return setHold(otherId, false);
}

export async function sendDtmf(callId: string, tones: string): Promise<AppError | null> {
  const result = await invoke('phone:send-dtmf', { callId, tones });
  return result.ok ? null : result.error;
}

export async function blindTransfer(callId: string, target: string): Promise<AppError | null> {
  const result = await invoke('phone:transfer-blind', { callId, target });
  return result.ok ? null : result.error;
}

/** Attended transfer, step 1: hold the caller and call the target (the consultation call). */
export async function startConsultation(callId: string, target: string): Promise<AppError | null> {
  const call = store().state.calls.find((c) => c.id === callId);
  if (call && !call.onHold) {
    const held = await setHold(callId, true);
    if (held) return held;
  }
  store().setConsultation({ callId, consultCallId: null });
  const dialed = await invoke('phone:dial', { number: target });
  if (!dialed.ok) {
    store().setConsultation(null);
    return dialed.error;
  }
  store().applyCall(dialed.value);
  store().setConsultation({ callId, consultCallId: dialed.value.id });
  return null;
}

/** Attended transfer, step 2 (完成转接): join the held caller with the target. */
export async function completeConsultation(): Promise<AppError | null> {
  const consultation = store().consultation;
  if (!consultation?.consultCallId) return null;
  const result = await invoke('phone:transfer-attended', { callId: consultation.callId, consultCallId: consultation.consultCallId });
  if (!result.ok) return result.error;
  store().setConsultation(null);
  return null;
}

/** 三方通话: the two calls are mixed locally by the media side. */
export async function conference(callId: string, otherCallId: string): Promise<AppError | null> {
  const result = await invoke('phone:conference', { callId, otherCallId });
  return result.ok ? null : result.error;
}
