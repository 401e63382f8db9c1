/**
 * A plain sip.js UA in Node with a signaling-only description handler: the customer in tests.
 * Like a desk phone it honours REFER (blind and attended transfer: it calls the Refer-To target,
 * with Replaces when there is one), accepts INVITEs with Replaces, and records DTMF sent as INFO.
 */
import { Invitation, Inviter, Registerer, RegistererState, SessionState, SIPExtension, UserAgent, type Session } from 'sip.js';
import { ensureGlobalWebSocket } from '../ws-global.js';
import { SignalingOnlySdh } from './signaling-sdp.js';

export interface PlainPhone {
  ua: UserAgent;
  /** Sessions seen, newest last. */
  sessions: Session[];
  /** Final status codes of INVITEs this phone sent. */
  rejections: number[];
  autoAnswer: boolean;
  /** DTMF digits received as SIP INFO (application/dtmf-relay), in arrival order. */
  dtmfInfo: string[];
  /** REFERs this phone accepted, newest last (the Refer-To it was given). */
  referrals: string[];
  call(target: string): Inviter;
  last(): Session | undefined;
  openSessions(): number;
  stop(): Promise<void>;
}

export async function startPlainPhone(options: { wsUrl: string; user: string; password?: string; domain?: string; autoAnswer?: boolean }): Promise<PlainPhone> {
  ensureGlobalWebSocket();
  const domain = options.domain ?? '127.0.0.1';
  const sessions: Session[] = [];
  const rejections: number[] = [];
  const dtmfInfo: string[] = [];
  const referrals: string[] = [];
  function follow(session: Session) {
    sessions.push(session);
    session.delegate = {
      onInfo(info) {
        const signal = /^Signal=\s*([0-9*#A-D])/im.exec(info.request.body ?? '');
        if (signal?.[1]) dtmfInfo.push(signal[1]);
        void info.accept();
      },
      onRefer(referral) {
        referrals.push(referral.referTo.uri.toString());
        void referral.accept().then(() => {
          const inviter = referral.makeInviter();
          follow(inviter);
          return inviter.invite();
        });
      },
    };
  }
  const ua = new UserAgent({
    uri: UserAgent.makeURI(`sip:${options.user}@${domain}`),
    transportOptions: { server: options.wsUrl },
    authorizationUsername: options.user,
    authorizationPassword: options.password,
    sipExtensionReplaces: SIPExtension.Supported,
    logBuiltinEnabled: false,
    logLevel: 'error',
    sessionDescriptionHandlerFactory: () => new SignalingOnlySdh(),
    delegate: {
      onInvite(invitation: Invitation) {
        follow(invitation);
        if (phone.autoAnswer) invitation.accept().catch(() => undefined);
      },
    },
  });
  await ua.start();
  const registerer = new Registerer(ua, { expires: 300 });
  const registered = new Promise<void>((resolve) => registerer.stateChange.addListener((state) => state === RegistererState.Registered && resolve()));
  await registerer.register();
  await registered;
  const phone: PlainPhone = {
    ua,
    sessions,
    rejections,
    dtmfInfo,
    referrals,
    autoAnswer: options.autoAnswer ?? false,
    call(target) {
      const uri = UserAgent.makeURI(target.startsWith('sip:') ? target : `sip:${target}@${domain}`);
      if (!uri) throw new Error(`bad target ${target}`);
      const inviter = new Inviter(ua, uri);
      follow(inviter);
      void inviter.invite({ requestDelegate: { onReject: (response) => void rejections.push(response.message.statusCode ?? 0) } });
      return inviter;
    },
    last: () => sessions.at(-1),
    openSessions: () => sessions.filter((session) => session.state !== SessionState.Terminated).length,
    async stop() {
      await registerer.unregister().catch(() => undefined);
      await ua.stop();
    },
  };
  return phone;
}
