/** The canned-files channels of the contract (shared/ipc/file-phrases.ts), each to its FilePhraseService method. */
import type { filePhraseInvokeChannels } from '../../../shared/ipc/file-phrases.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { FilePhraseService } from './file-phrase-service.js';

export function createFilePhraseHandlers(files: FilePhraseService): Pick<InvokeHandlers, keyof typeof filePhraseInvokeChannels> {
  return {
    'file-phrases:list': () => files.list(),
    'file-phrases:upload': (request) => files.upload(request),
    'file-phrases:update': (request) => files.update(request),
    'file-phrases:delete': (request) => files.remove(request),
    'phrase-categories:create': (request) => files.createCategory(request),
    'file-phrases:send': (request) => files.send(request),
  };
}
