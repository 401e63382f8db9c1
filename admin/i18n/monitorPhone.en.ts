/** 实时监控's phone part, English; the keys of monitorPhone.zh-CN.ts. */
export const monitorPhoneEn = {
  column: 'Phone',
  none: '—',
  statusFor: '{{status}} ({{duration}})',
  status: {
    unregistered: 'Not registered',
    idle: 'Available',
    busy: 'Busy',
    dnd: 'Do not disturb',
    ringing: 'Ringing',
    talking: 'On a call',
    'wrap-up': 'Wrap-up',
  },
  kind: 'Phone',
  reason: {
    workstation: 'reported by the workstation',
    disconnected: 'connection lost',
    'node-lost': 'server crashed',
    'server-stopped': 'server stopped',
  },
};
