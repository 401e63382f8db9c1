/** The phone's invoke channels of the contract, each to its PhoneService (or CustomerService) method. */
import type { phoneInvokeChannels } from '../../../shared/ipc/phone.js';
import type { CustomerService } from '../customers/customer-service.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { PhoneService } from './phone-service.js';

export type PhoneHandlers = Pick<InvokeHandlers, keyof typeof phoneInvokeChannels>;

export function createPhoneHandlers(phone: PhoneService, customers: Pick<CustomerService, 'lookup' | 'create'>): PhoneHandlers {
  return {
    'phone:get-state': () => phone.state(),
    'phone:dial': (request) => phone.dial(request),
    'phone:answer': (request) => phone.answer(request),
    'phone:reject': (request) => phone.reject(request),
    'phone:hang-up': (request) => phone.hangUp(request),
    'phone:set-mute': (request) => phone.setMute(request),
    'phone:set-hold': (request) => phone.setHold(request),
    'phone:send-dtmf': (request) => phone.sendDtmf(request),
    'phone:transfer-blind': (request) => phone.transferBlind(request),
    'phone:transfer-attended': (request) => phone.transferAttended(request),
    'phone:conference': (request) => phone.conference(request),
    'phone:set-availability': (request) => phone.setAvailability(request),
    'phone:finish-wrap-up': (request) => phone.finishWrapUp(request),
    'phone:wrap-up-codes': () => phone.wrapUpCodes(),
    'phone:select-devices': (request) => phone.selectDevices(request),
    'media:respond': (request) => phone.mediaRespond(request),
    'media:report': (request) => phone.mediaReport(request),
    'media:attach': () => phone.mediaAttached(),
    'calls:list': (request) => phone.callLog(request),
    'calls:pending': () => phone.pendingCalls(),
    'customers:lookup': (request) => customers.lookup(request),
    'customers:create': (request) => customers.create(request),
  };
}
