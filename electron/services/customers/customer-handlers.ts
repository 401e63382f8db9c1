/** The 顾客信息 channels of the IPC contract, each to its CustomerService method. */
import type { customerInvokeChannels } from '../../../shared/ipc/customers.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { CustomerService } from './customer-service.js';
import type { TagCategoryService } from './tag-category-service.js';

export function createCustomerHandlers(
  customers: CustomerService,
  tagCategories: TagCategoryService,
): Pick<InvokeHandlers, keyof typeof customerInvokeChannels> {
  return {
    'customers:get-profile': (request) => customers.profile(request),
    'customers:update-profile': (request) => customers.updateProfile(request),
    'customers:tag-categories': () => tagCategories.get(),
  };
}
