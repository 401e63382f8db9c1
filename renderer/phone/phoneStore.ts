import { create } from 'zustand';
import type { LiveCall, PhoneState } from '../../shared/ipc/phone.js';
import type { CustomerCard } from '../../shared/phone.js';
import { invoke } from '../app/kefu.js';
import { answeredCallsThatEnded, currentCall, EMPTY_PHONE_STATE, mergeState, upsertCall } from './phoneLogic.js';

/** The call that waits for its 话后处理 (wrap-up code + note). */
export interface WrapUpTarget {
  callId: string;
  remoteNumber: string;
  remoteName: string | null;
}

/** An attended transfer in progress: `callId` is held while the agent talks to the target. */
export interface Consultation {
  callId: string;
  consultCallId: string | null;
}

interface PhoneStore {
  state: PhoneState;
  /** Screen-pop cards by call id (客户资料自动弹出). */
  cards: Record<string, CustomerCard | null>;
  /** The card the phone view shows: the latest incoming caller or the last lookup. */
  shownCard: CustomerCard | null;
  wrapUp: WrapUpTarget | null;
  consultation: Consultation | null;
  /** The call the controls act on when the last snapshot came; the card follows it when it changes. */
  currentId: string | null;
  /** State-changed events seen; a slower phone:get-state answer must not overwrite a newer event. */
  version: number;
  load(): Promise<void>;
  apply(next: PhoneState): void;
  applyCall(call: LiveCall): void;
  incoming(call: LiveCall, card: CustomerCard | null): void;
  showCard(card: CustomerCard | null): void;
  setConsultation(consultation: Consultation | null): void;
  clearWrapUp(): void;
}

export const usePhoneStore = create<PhoneStore>()((set, get) => ({
  state: EMPTY_PHONE_STATE,
  cards: {},
  shownCard: null,
  wrapUp: null,
  consultation: null,
  currentId: null,
  version: 0,
  async load() {
    const seen = get().version;
    const result = await invoke('phone:get-state', undefined);
    if (result.ok && get().version === seen) get().apply(result.value);
  },
  apply(next) {
    const prev = get().state;
    const ended = answeredCallsThatEnded(prev, next);
    const last = ended[ended.length - 1];
    const consultation = get().consultation;
    const liveIds = new Set(next.calls.filter((c) => c.state !== 'ended').map((c) => c.id));
    const cards = get().cards;
    const current = currentCall(next.calls);
    const currentId = current?.id ?? null;
    // Switching calls (answering a waiting one, resuming a held one) brings that caller's card forward.
    const followed = current && currentId !== get().currentId && cards[current.id] !== undefined ? cards[current.id] : undefined;
    set({
      state: mergeState(prev, next),
      version: get().version + 1,
      currentId,
      ...(followed !== undefined ? { shownCard: followed } : {}),
      wrapUp: last ? { callId: last.id, remoteNumber: last.remoteNumber, remoteName: last.remoteName ?? cards[last.id]?.customer?.name ?? null } : get().wrapUp,
      // The held party hung up (or the transfer completed): nothing left to consult about.
      consultation: consultation && liveIds.has(consultation.callId) ? consultation : null,
    });
  },
  applyCall(call) {
    set({ state: upsertCall(get().state, call) });
  },
  incoming(call, card) {
    set({ cards: { ...get().cards, [call.id]: card }, shownCard: card ?? get().shownCard });
  },
  showCard(shownCard) {
    set({ shownCard });
  },
  setConsultation(consultation) {
    set({ consultation });
  },
  clearWrapUp() {
    set({ wrapUp: null });
  },
}));
