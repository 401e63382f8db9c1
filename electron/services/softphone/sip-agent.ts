/**
 * The agent's SIP registration (未注册 / 注册中 / 已注册 / 注册失败) on a sip.js UserAgent in the
 * services process, so it survives window reloads. Reconnects and re-registers with capped backoff
 * when the SIP server restarts or the socket drops; unregisters on stop. The password goes to
 * sip.js only and is never logged.
 */
import { Registerer, RegistererState, UserAgent, type Invitation, type LogLevel, type SessionDescriptionHandlerFactory, type URI } from 'sip.js';
import type { SipSettings } from '../../../shared/phone.js';
import type { RegistrationState } from '../../../shared/ipc/phone.js';
import type { Log } from '../logger.js';
import { createBackoff } from '../sync/backoff.js';
import type { SoftphoneTiming } from './sip-config.js';
import { ensureGlobalWebSocket } from './ws-global.js';

/** Rejections a retry cannot fix: wrong account or password. */
const FINAL_REJECTIONS = new Set([401, 403, 404, 407]);

export interface SipAgentDeps {
  settings: SipSettings;
  timing: SoftphoneTiming;
  sessionDescriptionHandlerFactory: SessionDescriptionHandlerFactory;
  onInvite(invitation: Invitation): void;
  onRegistration(state: RegistrationState, reason: string | null): void;
  log: Log;
}

export interface SipAgent {
  readonly userAgent: UserAgent;
  start(): void;
  /** Unregister (bounded wait) and close the socket. */
  stop(): Promise<void>;
  registration(): { state: RegistrationState; reason: string | null };
  /** A dialled number or sip: URI as a target in the agent's domain. */
  target(number: string): URI | undefined;
}

export function createSipAgent(deps: SipAgentDeps): SipAgent {
  ensureGlobalWebSocket();
  const { settings, timing, log } = deps;
  const backoff = createBackoff(timing.reconnect);
  const own = UserAgent.makeURI(settings.uri);
  if (!own) throw new Error('the SIP URI is not valid');
  const domain = own.host;
  let state: RegistrationState = 'unregistered';
  let reason: string | null = null;
  let stopped = false;
  let started = false;
  let retryTimer: NodeJS.Timeout | null = null;

  function setState(next: RegistrationState, nextReason: string | null) {
    if (next === state && nextReason === reason) return;
    state = next;
    reason = nextReason;
    deps.onRegistration(state, reason);
  }

  const userAgent = new UserAgent({
    uri: own,
    displayName: settings.displayName || undefined,
    authorizationUsername: settings.authUser || own.user,
    authorizationPassword: settings.password,
    transportOptions: { server: settings.wsServer, keepAliveInterval: timing.keepAliveSeconds, connectionTimeout: 5 },
    sessionDescriptionHandlerFactory: deps.sessionDescriptionHandlerFactory,
    // Reconnection is ours (below), with backoff and a re-REGISTER: sip.js's own is off by default.
    logBuiltinEnabled: false,
    logLevel: 'warn',
    logConnector: (level: LogLevel, category: string, _label: string | undefined, content: string) => {
      // Only the first line: SIP messages in the log would carry digest headers.
      if (level === 'error' || level === 'warn') log(`sip.js ${category}: ${content.split('\n')[0]}`, undefined, level === 'error' ? 'error' : 'warn');
    },
    delegate: {
      onInvite: (invitation) => deps.onInvite(invitation),
      onDisconnect: (error) => {
        if (stopped) return;
        setState('failed', error ? 'connection to the SIP server lost' : 'disconnected');
        schedule();
      },
    },
  });

  const registerer = new Registerer(userAgent, { expires: timing.registerExpiresSeconds });
  registerer.stateChange.addListener((next) => {
    if (stopped) return;
    if (next === RegistererState.Registered) {
      backoff.reset();
      setState('registered', null);
    } else if (next === RegistererState.Unregistered && state === 'registered') {
      // A refresh failed: the registrar forgot us.
      setState('failed', 'registration expired');
      schedule();
    }
  });

  function schedule() {
    if (retryTimer || stopped) return;
    const delay = backoff.next();
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connectAndRegister();
    }, delay);
    retryTimer.unref();
  }

  async function connectAndRegister() {
    if (stopped) return;
    setState('registering', null);
    try {
      if (!started) {
        started = true;
        await userAgent.start();
      } else if (!userAgent.transport.isConnected()) {
        await userAgent.reconnect();
      }
    } catch (error) {
      setState('failed', `cannot reach the SIP server (${error instanceof Error ? error.message : String(error)})`);
      schedule();
      return;
    }
    try {
      await registerer.register({
        requestDelegate: {
          // After a reconnect the Registerer still says Registered, so no state change tells us.
          onAccept: () => {
            backoff.reset();
            setState('registered', null);
          },
          onReject: (response) => {
            const code = response.message.statusCode ?? 0;
            setState('failed', `${code} ${response.message.reasonPhrase ?? ''}`.trim());
            if (!FINAL_REJECTIONS.has(code)) schedule();
          },
        },
      });
    } catch (error) {
      // E.g. a REGISTER still in flight from before the drop: try again later.
      log('sip: register failed', error instanceof Error ? error.message : error, 'warn');
      setState('failed', 'registration could not be sent');
      schedule();
    }
  }

  return {
    userAgent,
    start() {
      if (stopped || started) return;
      void connectAndRegister();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      if (registerer.state === RegistererState.Registered && userAgent.transport.isConnected()) {
        const done = new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 2000);
          registerer
            .unregister({ requestDelegate: { onAccept: () => resolve(), onReject: () => resolve() } })
            .catch(() => resolve())
            .finally(() => timer.unref());
        });
        await done;
      }
      await userAgent.stop().catch((error: unknown) => log('sip: stop failed', error instanceof Error ? error.message : error, 'warn'));
      state = 'unregistered';
      reason = null;
      deps.onRegistration(state, reason);
    },
    registration: () => ({ state, reason }),
    target(number) {
      return UserAgent.makeURI(number.startsWith('sip:') ? number : `sip:${number}@${domain}`);
    },
  };
}
