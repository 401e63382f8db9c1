/** The 提醒设置 channels of the IPC contract (payloads already validated by the dispatcher), each to its AlertService method. */
import type { alertInvokeChannels } from '../../../shared/ipc/alerts.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { AlertService } from './alert-service.js';

export function createAlertHandlers(alerts: AlertService): Pick<InvokeHandlers, keyof typeof alertInvokeChannels> {
  return {
    'alert-settings:get': () => alerts.settings(),
    'alert-settings:set': (settings) => alerts.setSettings(settings),
  };
}
