import type { Messages } from './zh-CN.js';

/** Alert settings in English; same keys as alerts.zh-CN.ts. */
export const alertsEn: Messages['alerts'] = {
  section: 'Alerts',
  hint: 'Unread badges and the flashing title are always on; with the master "Sound" switch off nothing plays.',
  events: {
    'visitor-queued': 'New visitor in the queue',
    'conversation-assigned': 'New conversation assigned',
    'message-received': 'New message in another conversation',
  },
  sound: 'Sound',
  repeat: 'Repeat until handled',
  repeatSeconds: 'Repeat every (seconds)',
  every: 'every',
  secondsUnit: 's',
  notification: 'System notification',
  flashTray: 'Flash the tray',
  fieldOf: '{{event}}: {{field}}',
  saveFailed: 'Could not save the alert settings: {{message}}',
};
