import type { Messages } from './zh-CN.js';

/** Server address on the login page, English; the same keys as server.zh-CN.ts. */
export const serverEn: Messages['server'] = {
  label: 'Server address',
  current: 'Server address: {{url}} ({{source}})',
  source: {
    chosen: 'set on this computer',
    deployment: 'from the installation',
    'built-in': 'default',
  },
  change: 'Change',
  newAddress: 'New server address',
  changeLabel: 'Change server address',
  placeholder: 'https://kefu.example.com',
  save: 'Save and switch',
  useDefault: 'Use default',
  cancel: 'Cancel',
  hint: 'Switching servers logs you out. This computer caches one server’s conversations; the old server’s data is cleared.',
  switched: 'Switched to {{url}}. Please log in again.',
  problem: {
    empty: 'Enter the server address, e.g. https://kefu.example.com',
    'too-long': 'The server address is too long.',
    scheme: 'The server address must start with http:// or https://.',
    malformed: 'This is not a valid address.',
    credentials: 'The server address must not contain a user name or password.',
    path: 'Only scheme, host and port — no path, ? or # — e.g. https://kefu.example.com:3710',
    unreachable: 'Cannot reach {{url}}: check the address, the network or the firewall.',
    'not-kefu': '{{url}} answers, but it is not a Kefu Desk server. Check the address.',
  },
  failed: 'Switch failed: {{message}}',
  unsentTitle: 'Messages not sent yet',
  unsentBody: '{{count}} message(s) have not reached the current server ({{url}}) yet. Switching discards them for good.',
  unsentConfirm: 'Discard and switch',
  deploymentProblem: 'The server address in the installation’s configuration is not valid; the default is used. Tell your administrator: {{problem}}',
  held: 'The installation now names {{url}}, but {{count}} message(s) still wait for the current server; it switches after they are sent and the app restarts.',
};
