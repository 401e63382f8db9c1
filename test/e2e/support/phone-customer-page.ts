/**
 * The customer's phone page: a plain sip.js UserAgent with sip.js's own WebRTC description
 * handler, behaving like a desk phone — several sessions, follows REFER (blind and attended
 * transfer, sending the NOTIFYs RFC 3515 asks for), accepts an INVITE with Replaces by itself
 * (sip.js then BYEs the replaced call), records DTMF received as SIP INFO, and can leave
 * telephone-event out of its SDP (so the far side cannot send RFC 4733 and must use INFO).
 * The test drives it through window.customer; sip.js's lib/ is served as-is (plain ESM).
 */
export const CUSTOMER_PAGE = `<!doctype html><meta charset="utf-8"><title>customer phone</title>
<script type="module">
import { UserAgent, Registerer, Inviter, SessionState, SIPExtension } from '/sip/index.js';
let ua = null;
let registerer = null;
let domain = '127.0.0.1';
const sessions = [];
const dtmf = [];
const rejections = [];
const settings = { noRtpDtmf: false };
const AUDIO = { constraints: { audio: true, video: false } };

// Leaves telephone-event out of the local SDP (payload types on the m= line too).
function stripDtmf(description) {
  const pts = [...description.sdp.matchAll(/a=rtpmap:(\\d+) telephone-event\\//g)].map((m) => m[1]);
  const lines = description.sdp.split('\\r\\n')
    .filter((l) => !pts.some((pt) => l.startsWith('a=rtpmap:' + pt + ' ') || l.startsWith('a=fmtp:' + pt + ' ')))
    .map((l) => (l.startsWith('m=audio') ? l.split(' ').filter((t, i) => i < 3 || !pts.includes(t)).join(' ') : l));
  return Promise.resolve({ ...description, sdp: lines.join('\\r\\n') });
}
const modifiers = () => (settings.noRtpDtmf ? [stripDtmf] : []);

function play(session) {
  const pc = session.sessionDescriptionHandler?.peerConnection;
  if (!pc || session.audio) return;
  const audio = document.createElement('audio');
  audio.autoplay = true;
  audio.srcObject = session.sessionDescriptionHandler.remoteMediaStream;
  document.body.appendChild(audio);
  session.audio = audio;
}

function follow(session) {
  sessions.push(session);
  session.stateChange.addListener((state) => {
    if (state === SessionState.Established) play(session);
    if (state === SessionState.Terminated && session.audio) session.audio.remove();
  });
  session.delegate = {
    onInfo(info) {
      const signal = /^Signal=\\s*([0-9*#A-D])/im.exec(info.request.body || '');
      if (signal) dtmf.push(signal[1]);
      void info.accept();
    },
    onRefer(referral) {
      void referral.accept().then(() => {
        const inviter = referral.makeInviter({ sessionDescriptionHandlerOptions: AUDIO, sessionDescriptionHandlerModifiers: modifiers() });
        follow(inviter);
        return inviter.invite();
      });
    },
  };
}

const open = () => sessions.filter((s) => s.state !== SessionState.Terminated);
const ringing = () => open().filter((s) => s.state === SessionState.Initial && typeof s.accept === 'function');
// The session a phone shows: the one talking, else the newest still open, else the newest.
const current = () => open().filter((s) => s.state === SessionState.Established).at(-1) ?? open().at(-1) ?? sessions.at(-1) ?? null;
const peerOf = (s) => s?.sessionDescriptionHandler?.peerConnection ?? null;

async function statsOf(session) {
  const pc = peerOf(session);
  if (!pc) return { connectionState: 'none', packetsReceived: 0, packetsSent: 0, directions: [], peer: null };
  const result = { connectionState: pc.connectionState, packetsReceived: 0, packetsSent: 0, directions: pc.getTransceivers().map((t) => t.currentDirection), peer: session.remoteIdentity.uri.user ?? null };
  (await pc.getStats()).forEach((e) => {
    if (e.type === 'inbound-rtp' && e.kind === 'audio') result.packetsReceived += e.packetsReceived ?? 0;
    if (e.type === 'outbound-rtp' && e.kind === 'audio') result.packetsSent += e.packetsSent ?? 0;
  });
  return result;
}

window.customer = {
  async start(wsUrl, user, password) {
    domain = '127.0.0.1';
    ua = new UserAgent({
      uri: UserAgent.makeURI('sip:' + user + '@' + domain),
      transportOptions: { server: wsUrl },
      authorizationUsername: user,
      authorizationPassword: password,
      sipExtensionReplaces: SIPExtension.Supported,
      logBuiltinEnabled: false,
      logLevel: 'error',
      sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] } },
      delegate: {
        onInvite(invitation) {
          follow(invitation);
          // Like a desk phone: the call that replaces one we are in is taken at once.
          if (invitation.replacee) void invitation.accept({ sessionDescriptionHandlerOptions: AUDIO, sessionDescriptionHandlerModifiers: modifiers() });
        },
      },
    });
    await ua.start();
    registerer = new Registerer(ua, { expires: 300 });
    await window.customer.register();
  },
  register() {
    return new Promise((resolve, reject) => {
      registerer.register({ requestDelegate: { onAccept: () => resolve(), onReject: (r) => reject(new Error('REGISTER ' + r.message.statusCode)) } }).catch(reject);
    });
  },
  /** After the SIP server restarted: a new connection and a new registration. */
  async reconnect() {
    if (!ua.transport.isConnected()) await ua.reconnect();
    await window.customer.register();
  },
  setNoRtpDtmf(value) { settings.noRtpDtmf = value; },
  ringing: () => ringing().length > 0,
  call(target) {
    const inviter = new Inviter(ua, UserAgent.makeURI(target), { sessionDescriptionHandlerOptions: AUDIO, sessionDescriptionHandlerModifiers: modifiers() });
    follow(inviter);
    void inviter.invite({ requestDelegate: { onReject: (r) => void rejections.push(r.message.statusCode) } }).catch(() => undefined);
  },
  async answer() {
    const invitation = ringing().at(0);
    if (!invitation) throw new Error('nothing is ringing');
    await invitation.accept({ sessionDescriptionHandlerOptions: AUDIO, sessionDescriptionHandlerModifiers: modifiers() });
  },
  async reject(code) {
    const invitation = ringing().at(0);
    if (!invitation) throw new Error('nothing is ringing');
    await invitation.reject({ statusCode: Number(code) });
  },
  async hangup() {
    const session = current();
    if (!session || session.state === SessionState.Terminated) return;
    if (session.state === SessionState.Established) await session.bye();
    else if (typeof session.cancel === 'function') await session.cancel();
    else await session.reject();
  },
  /** Mutes (or unmutes) this phone's own microphone on every open call. */
  setMicEnabled(enabled) {
    for (const s of open()) for (const sender of peerOf(s)?.getSenders() ?? []) if (sender.track) sender.track.enabled = enabled === 'true' || enabled === true;
  },
  sessionState: () => current()?.state ?? 'none',
  openCalls: () => open().length,
  /** Who the talking session is with (user part), or null. */
  peer: () => current()?.remoteIdentity.uri.user ?? null,
  dtmf: () => dtmf.join(''),
  rejections: () => rejections.slice(),
  stats: () => statsOf(current()),
  /** Energy of the received audio over windowMs (Web Audio analyser on the remote stream), 0..1. */
  async receivedLevel(windowMs) {
    const session = current();
    const stream = session?.sessionDescriptionHandler?.remoteMediaStream;
    if (!stream || stream.getAudioTracks().length === 0) return 0;
    const context = new AudioContext();
    await context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const data = new Float32Array(analyser.fftSize);
    let peak = 0;
    const end = performance.now() + Number(windowMs);
    while (performance.now() < end) {
      analyser.getFloatTimeDomainData(data);
      for (const v of data) peak = Math.max(peak, Math.abs(v));
      await new Promise((r) => setTimeout(r, 20));
    }
    await context.close();
    return peak;
  },
  async stop() {
    if (!ua) return;
    for (const s of open()) await (s.state === SessionState.Established ? s.bye() : s.dispose()).catch(() => {});
    await registerer.unregister().catch(() => {});
    await ua.stop().catch(() => {});
  },
};
window.customerReady = true;
</script>`;
