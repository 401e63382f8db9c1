/** The phrases channels of the contract (shared/ipc/phrases.ts), each to its PhraseService method. */
import type { phraseInvokeChannels } from '../../../shared/ipc/phrases.js';
import type { filePhraseInvokeChannels } from '../../../shared/ipc/file-phrases.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { PhraseService } from './phrase-service.js';

/** The canned files' channels are composed into the same section but served by file-phrase-handlers.ts. */
type PhraseChannel = Exclude<keyof typeof phraseInvokeChannels, keyof typeof filePhraseInvokeChannels>;

export function createPhraseHandlers(phrases: PhraseService): Pick<InvokeHandlers, PhraseChannel> {
  return {
    'phrases:list': (request) => phrases.list(request),
    'phrases:categories': () => phrases.categories(),
    'phrases:refresh': () => phrases.refresh(),
    'phrases:create': (request) => phrases.create(request),
    'phrases:update': (request) => phrases.update(request),
    'phrases:delete': (request) => phrases.remove(request),
    'auto-reply:get': () => phrases.autoReply(),
    'auto-reply:set': (request) => phrases.setAutoReply(request),
    'message-style:get': () => phrases.messageStyle(),
    'message-style:set': (style) => phrases.setMessageStyle(style),
  };
}
