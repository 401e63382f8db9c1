/** Route name → domain call for the knowledge base routes (shared/protocol/rest-knowledge.ts). */
import type { knowledgeRoutes } from '../../shared/protocol/rest-knowledge.js';
import type { DomainContext } from '../domain/context.js';
import { createCategory, deleteCategory, listCategories, listManagedCategories, updateCategory } from '../domain/knowledge/categories.js';
import { changesAfter, createEntry, deleteEntry, exportEntries, getEntry, listEntries, updateEntry } from '../domain/knowledge/entries.js';
import { importEntriesLogged } from '../domain/knowledge/import-audit.js';
import type { Handlers } from './register-routes.js';

export function createKnowledgeHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof knowledgeRoutes> {
  return {
    knowledgeChanges: ({ principal, query }) => changesAfter(ctx, principal.agent, query.after, query.limit),
    getKnowledgeEntry: ({ principal, params }) => getEntry(ctx, principal, params.id),
    listKnowledgeCategories: ({ principal }) => listCategories(ctx, principal.agent),
    adminListKnowledgeCategories: ({ principal, query }) => listManagedCategories(ctx, principal.agent, query),
    listKnowledgeEntries: ({ principal, query }) => listEntries(ctx, principal.agent, query),
    exportKnowledge: ({ principal, query }) => exportEntries(ctx, principal.agent, query),
    createKnowledgeEntry: ({ principal, body }) => createEntry(ctx, body, principal.agent),
    updateKnowledgeEntry: ({ principal, params, body }) => updateEntry(ctx, principal.agent, params.id, body),
    deleteKnowledgeEntry: ({ principal, params }) => deleteEntry(ctx, principal.agent, params.id),
    createKnowledgeCategory: ({ principal, body }) => createCategory(ctx, principal.agent, body),
    updateKnowledgeCategory: ({ principal, params, body }) => updateCategory(ctx, principal.agent, params.id, body),
    deleteKnowledgeCategory: ({ principal, params }) => deleteCategory(ctx, principal.agent, params.id),
    importKnowledge: ({ principal, body }) => importEntriesLogged(ctx, principal.agent, body.format, body.dataBase64),
  };
}
