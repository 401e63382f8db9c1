/** The 修改密码 channel of the contract (shared/ipc/password.ts), to the session service. */
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { SessionService } from './session-service.js';

export function createPasswordHandlers(session: SessionService): Pick<InvokeHandlers, 'session:change-password'> {
  return {
    'session:change-password': (request) => session.changePassword(request),
  };
}
