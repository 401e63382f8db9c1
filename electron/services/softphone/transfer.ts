/**
 * Transfer (转接) with REFER: blind to a number, attended with Replaces naming the consultation
 * dialog. The transferee reports its call to the target in NOTIFYs (message/sipfrag, RFC 3515):
 * our leg is ended only after a 2xx there. A target that rejects, is unknown or does not answer in
 * time leaves the caller with the agent instead of losing them.
 */
import { SessionState, type Session, type URI } from 'sip.js';

export type TransferOutcome = { ok: true } | { ok: false; statusCode: number | null; reason: string };

/** "SIP/2.0 180 Ringing" → 180; null when the body is not a status line. */
export function sipfragStatus(body: string | undefined): number | null {
  const match = /^SIP\/2\.0\s+(\d{3})/.exec((body ?? '').trim());
  return match ? Number(match[1]) : null;
}

export interface ReferOptions {
  /** How long the target may take to answer the transferee. */
  timeoutMs: number;
  /** REFER accepted (202): the transferee now calls the target. */
  onAccepted?: () => void;
}

/** Sends REFER on `session` and resolves with how the transferee's call to the target ended. */
export function referAndWait(session: Session, referTo: URI, options: ReferOptions): Promise<TransferOutcome> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: TransferOutcome | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      session.stateChange.removeListener(onState);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => settle({ ok: false, statusCode: null, reason: 'the transfer target did not answer in time' }), options.timeoutMs);
    const onState = (state: SessionState) => {
      if (state === SessionState.Terminated) settle({ ok: false, statusCode: null, reason: 'the call ended during the transfer' });
    };
    session.stateChange.addListener(onState);
    session
      .refer(referTo, {
        onNotify: (notification) => {
          void notification.accept().catch(() => undefined);
          const status = sipfragStatus(notification.request.body);
          if (status === null || status < 200) return;
          settle(status < 300 ? { ok: true } : { ok: false, statusCode: status, reason: `the transfer target answered ${status}` });
        },
        requestDelegate: {
          onAccept: () => options.onAccepted?.(),
          onReject: (response) => {
            const status = response.message.statusCode ?? null;
            settle({ ok: false, statusCode: status, reason: `the other side refused the transfer (${status ?? '?'})` });
          },
        },
      })
      .catch((error: unknown) => settle(error instanceof Error ? error : new Error(String(error))));
  });
}
