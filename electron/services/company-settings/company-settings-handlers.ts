/** The 公司设置 channel of the contract (shared/ipc/company-settings.ts), to its CompanySettingsService method. */
import type { companySettingsInvokeChannels } from '../../../shared/ipc/company-settings.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { CompanySettingsService } from './company-settings-service.js';

export function createCompanySettingsHandlers(companySettings: CompanySettingsService): Pick<InvokeHandlers, keyof typeof companySettingsInvokeChannels> {
  return {
    'company-settings:get': () => companySettings.get(),
  };
}
