/**
 * The ringtone: a two-tone ring made with Web Audio, repeated every 3 s until stopped (answer,
 * reject, or the caller gives up). No sound file ships with the renderer.
 */
let context: AudioContext | null = null;

function ringOnce(): void {
  try {
    context ??= new AudioContext();
    const now = context.currentTime;
    // Two 0.4 s bursts of 440+480 Hz, the classic ring, 0.2 s apart.
    for (const start of [0, 0.6]) {
      const gain = context.createGain();
      gain.gain.setValueAtTime(0.0001, now + start);
      gain.gain.exponentialRampToValueAtTime(0.2, now + start + 0.03);
      gain.gain.setValueAtTime(0.2, now + start + 0.37);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + start + 0.4);
      gain.connect(context.destination);
      for (const frequency of [440, 480]) {
        const oscillator = context.createOscillator();
        oscillator.frequency.value = frequency;
        oscillator.connect(gain);
        oscillator.start(now + start);
        oscillator.stop(now + start + 0.41);
      }
    }
  } catch {
    // No audio device or autoplay refused: the modal and the notification still show the call.
  }
}

/** Starts ringing; the returned function stops it. */
export function startRingtone(intervalMs = 3000): () => void {
  ringOnce();
  const timer = setInterval(ringOnce, intervalMs);
  return () => clearInterval(timer);
}

/** A desktop notification for an incoming call, when the agent allowed notifications. */
export function notifyIncomingCall(title: string, body: string, tag: string, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const notification = new Notification(title, { body, tag, requireInteraction: true });
    notification.onclick = () => {
      window.focus();
      onClick();
      notification.close();
    };
  } catch {
    // Some shells refuse the constructor; the ringtone and the modal remain.
  }
}
