/** Route name → domain call for the knowledge base routes (shared/protocol/rest-knowledge.ts). */
import type { knowledgeRoutes } from '../../shared/protocol/rest-knowledge.js';
import type { DomainContext } from '../domain/context.js';
import { createCategory, deleteCategory, listCategories, updateCategory } from '../domain/knowledge/categories.js';
import { changesAfter, createEntry, deleteEntry, getEntry, listEntries, updateEntry } from '../domain/knowledge/entries.js';
import { importEntries } from '../domain/knowledge/import.js';
import type { Handlers } from './register-routes.js';

export function createKnowledgeHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof knowledgeRoutes> {
  return {
    knowledgeChanges: ({ query }) => changesAfter(ctx, query.after, query.limit),
    getKnowledgeEntry: ({ principal, params }) => getEntry(ctx, principal, params.id),
    listKnowledgeCategories: () => listCategories(ctx),
    listKnowledgeEntries: ({ query }) => listEntries(ctx, query),
    createKnowledgeEntry: ({ body }) => createEntry(ctx, body),
    updateKnowledgeEntry: ({ params, body }) => updateEntry(ctx, params.id, body),
    deleteKnowledgeEntry: ({ params }) => deleteEntry(ctx, params.id),
    createKnowledgeCategory: ({ body }) => createCategory(ctx, body),
    updateKnowledgeCategory: ({ params, body }) => updateCategory(ctx, params.id, body),
    deleteKnowledgeCategory: ({ params }) => deleteCategory(ctx, params.id),
    importKnowledge: ({ body }) => importEntries(ctx, body.format, body.dataBase64),
  };
}
