/** What the workstation tells the server about its phone, and when. */
import { describe, expect, it } from 'vitest';
import type { LiveCall, PhoneState } from '../../../shared/ipc/phone.js';
import type { ClientFrame } from '../../../shared/protocol/realtime.js';
import { createInternalBus } from '../base/internal-bus.js';
import { createWorkstationEvents } from '../workstation-events.js';
import { phoneStatusOf, reportPhoneStatus } from './phone-status-report.js';

const idle: PhoneState = { registration: 'registered', reason: null, availability: 'idle', wrapUpUntil: null, calls: [] };
const call = (state: LiveCall['state']): LiveCall => ({
  id: 'c1',
  direction: 'inbound',
  remoteNumber: '2002',
  remoteName: null,
  state,
  muted: false,
  onHold: false,
  startedAt: 1,
  answeredAt: null,
  conferenceWith: null,
});

describe('phone status report', () => {
  it('maps the softphone to the status the server keeps', () => {
    expect(phoneStatusOf({ ...idle, registration: 'failed' })).toBe('unregistered');
    expect(phoneStatusOf(idle)).toBe('idle');
    expect(phoneStatusOf({ ...idle, availability: 'busy' })).toBe('busy');
    expect(phoneStatusOf({ ...idle, availability: 'dnd' })).toBe('dnd');
    expect(phoneStatusOf({ ...idle, availability: 'busy', calls: [call('ringing')] })).toBe('ringing');
    expect(phoneStatusOf({ ...idle, availability: 'busy', calls: [call('dialing')] })).toBe('ringing');
    expect(phoneStatusOf({ ...idle, availability: 'busy', calls: [call('ringing'), call('held')] })).toBe('talking');
    expect(phoneStatusOf({ ...idle, availability: 'wrap-up', wrapUpUntil: 5 })).toBe('wrap-up');
  });

  it('sends each change once, and the current status again on every connect', () => {
    const events = createWorkstationEvents();
    const internal = createInternalBus();
    const sent: ClientFrame[] = [];
    let connected = true;
    let current = idle;
    const report = reportPhoneStatus({ events, internal, realtime: { send: (f) => connected && sent.push(f) > 0 }, state: () => current });
    events.emit('phone:state-changed', { ...idle, availability: 'busy', calls: [call('ringing')] });
    events.emit('phone:state-changed', { ...idle, availability: 'busy', calls: [call('ringing')] });
    events.emit('phone:state-changed', { ...idle, availability: 'busy', calls: [call('established')] });
    expect(sent).toEqual([
      { type: 'phone.status', status: 'ringing' },
      { type: 'phone.status', status: 'talking' },
    ]);
    // Offline when the call ends: nothing goes; the reconnect sends what it is then.
    connected = false;
    current = { ...idle, availability: 'wrap-up', wrapUpUntil: 9 };
    events.emit('phone:state-changed', current);
    connected = true;
    internal.emit('connection:online', {});
    internal.emit('connection:online', {});
    expect(sent.slice(2)).toEqual([
      { type: 'phone.status', status: 'wrap-up' },
      { type: 'phone.status', status: 'wrap-up' },
    ]);
    report.dispose();
    events.emit('phone:state-changed', idle);
    expect(sent).toHaveLength(4);
  });
});
