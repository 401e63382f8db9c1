/** A plain sip.js UA in Node with a signaling-only description handler: the customer in tests. */
import { Invitation, Inviter, Registerer, RegistererState, SessionState, UserAgent, type Session } from 'sip.js';
import { ensureGlobalWebSocket } from '../ws-global.js';
import { SignalingOnlySdh } from './signaling-sdp.js';

export interface PlainPhone {
  ua: UserAgent;
  /** Sessions seen, newest last. */
  sessions: Session[];
  /** Final status codes of INVITEs this phone sent. */
  rejections: number[];
  autoAnswer: boolean;
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
  const ua = new UserAgent({
    uri: UserAgent.makeURI(`sip:${options.user}@${domain}`),
    transportOptions: { server: options.wsUrl },
    authorizationUsername: options.user,
    authorizationPassword: options.password,
    logBuiltinEnabled: false,
    logLevel: 'error',
    sessionDescriptionHandlerFactory: () => new SignalingOnlySdh(),
    delegate: {
      onInvite(invitation: Invitation) {
        sessions.push(invitation);
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
    autoAnswer: options.autoAnswer ?? false,
    call(target) {
      const uri = UserAgent.makeURI(target.startsWith('sip:') ? target : `sip:${target}@${domain}`);
      if (!uri) throw new Error(`bad target ${target}`);
      const inviter = new Inviter(ua, uri);
      sessions.push(inviter);
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
