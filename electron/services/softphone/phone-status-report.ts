/**
 * Tells the server the agent's phone status (话务状态) over the realtime socket: whenever it changes
 * and after every (re)connect, since the server keeps it with the connection and forgets it when
 * the connection goes. The wallboard's calls in progress and, later, call queues read it.
 */
import type { PhoneState } from '../../../shared/ipc/phone.js';
import type { PhoneStatus } from '../../../shared/protocol/rest-monitor.js';
import { toDisposable, type Disposable } from '../base/lifecycle.js';
import type { InternalBus } from '../base/internal-bus.js';
import type { RealtimeClient } from '../sync/realtime-client.js';
import type { WorkstationEvents } from '../workstation-events.js';

/** The one status the server keeps: a call on the line wins over 话后处理, which wins over the agent's choice. */
export function phoneStatusOf(state: PhoneState): PhoneStatus {
  if (state.registration !== 'registered' && state.calls.length === 0) return 'unregistered';
  if (state.calls.some((call) => call.state === 'established' || call.state === 'held')) return 'talking';
  if (state.calls.some((call) => call.state !== 'ended')) return 'ringing';
  if (state.availability === 'wrap-up') return 'wrap-up';
  if (state.availability === 'dnd') return 'dnd';
  // 'busy' with no call on the line is the agent's 示忙.
  return state.availability === 'busy' ? 'busy' : 'idle';
}

export interface PhoneStatusReportDeps {
  events: Pick<WorkstationEvents, 'on'>;
  internal: Pick<InternalBus, 'on'>;
  realtime: Pick<RealtimeClient, 'send'>;
  state: () => PhoneState;
}

export function reportPhoneStatus({ events, internal, realtime, state }: PhoneStatusReportDeps): Disposable {
  let sent: PhoneStatus | null = null;
  const report = (status: PhoneStatus, force: boolean) => {
    if (!force && status === sent) return;
    // Not connected: the next connect sends the status of that moment.
    if (realtime.send({ type: 'phone.status', status })) sent = status;
  };
  const offChange = events.on('phone:state-changed', (next) => report(phoneStatusOf(next), false));
  const online = internal.on('connection:online', () => report(phoneStatusOf(state()), true));
  return toDisposable(() => {
    offChange();
    online.dispose();
  });
}
