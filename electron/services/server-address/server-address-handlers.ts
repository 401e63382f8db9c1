/** server:get-address / server:set-address, each to its ServerAddressService method. */
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { ServerAddressService } from './server-address-service.js';

type ServerAddressHandlers = Pick<InvokeHandlers, 'server:get-address' | 'server:set-address'>;

export function createServerAddressHandlers(serverAddress: ServerAddressService): ServerAddressHandlers {
  return {
    'server:get-address': () => serverAddress.state(),
    'server:set-address': (request) => serverAddress.switchTo(request),
  };
}
