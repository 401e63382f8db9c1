import type { Messages } from './zh-CN.js';

/** Export logs (Settings) in English; same keys as logs.zh-CN.ts. */
export const logsEn: Messages['logs'] = {
  section: 'Logs',
  hint: 'When something goes wrong, export the logs for support: the workstation’s log files with its version and system details, without passwords or login credentials.',
  export: 'Export logs',
  exporting: 'Exporting…',
  exportingPercent: 'Exporting {{percent}}%',
  progress: 'Log export progress',
  saved: 'Logs exported to {{path}}',
  downloading: 'Logs download started: {{name}}',
  failed: 'Could not export the logs: {{message}}',
};
