/** The knowledge channels of the IPC contract, each to its KnowledgeService method. */
import type { knowledgeInvokeChannels } from '../../../shared/ipc/knowledge.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { KnowledgeService } from './knowledge-service.js';

export function createKnowledgeHandlers(knowledge: KnowledgeService): Pick<InvokeHandlers, keyof typeof knowledgeInvokeChannels> {
  return {
    'knowledge:search': (request) => knowledge.search(request),
    'knowledge:get': (request) => knowledge.entry(request),
    'knowledge:categories': () => knowledge.categories(),
    'knowledge:sync': () => knowledge.sync(),
  };
}
