import type { Messages } from './zh-CN.js';

/** Self-update (banner and settings), English; the same keys as updates.zh-CN.ts. */
export const updatesEn: Messages['updates'] = {
  section: 'Updates',
  currentVersion: 'Version {{version}}',
  downloading: 'Downloading update {{percent}}%',
  downloadingLabel: 'Update download progress',
  downloaded: 'Version {{version}} is downloaded and installs on restart',
  restartNow: 'Restart now',
  checkNow: 'Check for updates',
  checking: 'Checking for updates…',
  upToDate: 'Up to date',
  failed: 'Update failed: {{message}}',
  blocked: {
    call: 'A call is in progress: restart to install once it has ended.',
    outbox: 'Messages are still waiting to be sent: restart to install once they are sent.',
  },
  unavailable: 'This build cannot update itself (browser or development build).',
};
