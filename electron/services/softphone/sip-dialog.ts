/** Small helpers on a call's SIP dialog that the call manager needs beyond sip.js's Session API. */
import { Core, URI, type Session } from 'sip.js';

/** Prints as name-addr: a URI with headers must be bracketed in Refer-To (RFC 3261 §20), sip.js prints a URI target bare. */
class NameAddrUri extends URI {
  override toString(): string {
    return `<${super.toString()}>`;
  }
}

/**
 * Refer-To for an attended transfer: the consulted party's address of record with Replaces naming
 * the consultation dialog (RFC 3891). sip.js would put the dialog's remote target there, a
 * WebSocket contact that a proxy cannot route as a new request (Kamailio answers 404); the AoR it can.
 */
export function replacesTarget(consult: Session): URI | null {
  const dialog = consult.dialog;
  if (!dialog) return null;
  const aor = consult.remoteIdentity.uri;
  // Encoded like sip.js does it: the Referral on the far side decodes it into the Replaces header.
  const replaces = encodeURIComponent(`${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`);
  return new NameAddrUri(aor.scheme, aor.user ?? '', aor.host, aor.port, { ...aor.parameters }, { Replaces: [replaces] });
}

/**
 * Resolves once the dialog of a call we answered has its ACK (or after `timeoutMs`). A re-INVITE
 * sent before it breaks the call: sip.js then sees the ACK while our offer is outstanding and
 * BYEs with 488. It happens when the agent answers and at once holds (e.g. dials a consultation).
 * sip.js has no event for it that the Session API exposes, so this polls, bounded.
 */
export async function acknowledged(session: Session, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (session.dialog?.sessionState === Core.SessionState.AckWait && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A hold (or resume) re-INVITE: null when accepted, else the refusal. */
export function reInvite(session: Session, hold: boolean, sdhOptions: object): Promise<{ code: number; text: string } | null> {
  return new Promise((resolve, reject) => {
    session
      .invite({
        // Sticky options (docs/PLATFORM-NOTES.md): say hold: false explicitly to resume.
        sessionDescriptionHandlerOptions: { ...sdhOptions, hold } as object,
        requestDelegate: {
          onAccept: () => resolve(null),
          onReject: (response) => resolve({ code: response.message.statusCode ?? 0, text: response.message.reasonPhrase ?? '' }),
        },
      })
      .catch(reject);
  });
}
