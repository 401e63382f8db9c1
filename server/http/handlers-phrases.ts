/** Route name → domain call for canned phrases, canned files and auto-reply (shared/protocol/rest-phrases.ts). */
import type { phraseRoutes } from '../../shared/protocol/rest-phrases.js';
import type { DomainContext } from '../domain/context.js';
import { autoReplyState, setCompanyAutoReply, setMyAutoReply } from '../domain/phrases/auto-reply.js';
import {
  createPhrase,
  createPhraseCategory,
  deletePhrase,
  deletePhraseCategory,
  listManagedPhrases,
  listPhrases,
  updatePhrase,
  updatePhraseCategory,
} from '../domain/phrases/phrases.js';
import {
  attachFilePhrase,
  deleteFilePhrase,
  listFilePhrases,
  listManagedFilePhrases,
  updateFilePhrase,
  uploadFilePhrase,
} from '../domain/phrases/file-phrases.js';
import { refuse } from '../domain/errors.js';
import type { Handlers } from './register-routes.js';

export function createPhraseHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof phraseRoutes> {
  return {
    listPhrases: ({ principal }) => listPhrases(ctx, principal),
    adminListPhrases: ({ principal, query }) => listManagedPhrases(ctx, principal, query),
    createPhrase: ({ principal, body }) => createPhrase(ctx, principal, body),
    updatePhrase: ({ principal, params, body }) => updatePhrase(ctx, principal, params.id, body),
    deletePhrase: ({ principal, params }) => deletePhrase(ctx, principal, params.id),
    createPhraseCategory: ({ principal, body }) => createPhraseCategory(ctx, principal, body),
    updatePhraseCategory: ({ principal, params, body }) => updatePhraseCategory(ctx, principal, params.id, body),
    deletePhraseCategory: ({ principal, params }) => deletePhraseCategory(ctx, principal, params.id),
    listFilePhrases: ({ principal }) => listFilePhrases(ctx, principal),
    adminListFilePhrases: ({ principal, query }) => listManagedFilePhrases(ctx, principal, query),
    uploadFilePhrase: ({ principal, query, body }) => {
      if (!Buffer.isBuffer(body)) return refuse('VALIDATION_FAILED', 'Send the file bytes as the request body', { body: 'missing' });
      return uploadFilePhrase(ctx, principal, query, body);
    },
    updateFilePhrase: ({ principal, params, body }) => updateFilePhrase(ctx, principal, params.id, body),
    deleteFilePhrase: ({ principal, params }) => deleteFilePhrase(ctx, principal, params.id),
    attachFilePhrase: ({ principal, params, body }) => attachFilePhrase(ctx, principal, params.id, body.conversationId),
    getAutoReply: ({ principal }) => autoReplyState(ctx, principal.agent.id),
    setMyAutoReply: ({ principal, body }) => setMyAutoReply(ctx, principal.agent.id, body.autoReply),
    setCompanyAutoReply: ({ principal, body }) => setCompanyAutoReply(ctx, body, principal.agent),
  };
}
