/** The 头像 channels of the contract (shared/ipc/avatars.ts), each to its AvatarService method. */
import type { avatarInvokeChannels } from '../../../shared/ipc/avatars.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { AvatarService } from './avatar-service.js';

export function createAvatarHandlers(avatars: AvatarService): Pick<InvokeHandlers, keyof typeof avatarInvokeChannels> {
  return {
    'avatars:get': (request) => avatars.picture(request),
    'avatars:set-mine': (request) => avatars.setMine(request),
    'avatars:remove-mine': () => avatars.removeMine(),
  };
}
