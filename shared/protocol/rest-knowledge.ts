/** REST routes of the knowledge base (知识库): admin CRUD and import; agents read through the changes feed. */
import { z } from 'zod';
import {
  KNOWLEDGE_LIMITS,
  KnowledgeCategorySchema,
  KnowledgeChangesSchema,
  KnowledgeEntrySchema,
  KnowledgeImportBodySchema,
  KnowledgeImportResultSchema,
  NewKnowledgeEntryBodySchema,
  UpdateKnowledgeEntryBodySchema,
} from '../knowledge.js';
import { nameField } from '../domain.js';
import { queryInt } from '../query-number.js';
import { Id, IdParams, Ok } from './rest-common.js';
import type { RouteDef } from './rest.js';

const CategoryBody = z.strictObject({
  name: nameField(KNOWLEDGE_LIMITS.categoryNameMax),
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
});

/** The console's filter of the entry list, and of its export. */
const EntryFilter = z.strictObject({
  categoryId: Id.optional(),
  q: z.string().max(KNOWLEDGE_LIMITS.queryMax).optional(),
  state: z.enum(['enabled', 'disabled']).optional(),
});

export const KnowledgeEntryPageSchema = z.object({
  entries: z.array(KnowledgeEntrySchema),
  /** Entries the filter matches, over all pages. */
  total: z.number().int(),
});
export type KnowledgeEntryPage = z.infer<typeof KnowledgeEntryPageSchema>;

export const knowledgeRoutes = {
  knowledgeChanges: {
    method: 'GET',
    path: '/api/knowledge/changes',
    access: 'staff',
    summary: 'Entries changed after a cursor (agents: enabled entries only; others come as removals)',
    query: z.strictObject({
      after: queryInt(0, Number.MAX_SAFE_INTEGER).prefault(0),
      limit: queryInt(1, KNOWLEDGE_LIMITS.changesPageMax).prefault(500),
    }),
    response: KnowledgeChangesSchema,
  },
  getKnowledgeEntry: {
    method: 'GET',
    path: '/api/knowledge/entries/:id',
    access: 'staff',
    summary: 'One entry (agents: enabled only)',
    params: IdParams,
    response: KnowledgeEntrySchema,
  },
  listKnowledgeCategories: {
    method: 'GET',
    path: '/api/knowledge/categories',
    access: 'staff',
    summary: 'Knowledge categories',
    response: z.array(KnowledgeCategorySchema),
  },
  listKnowledgeEntries: {
    method: 'GET',
    path: '/api/admin/knowledge/entries',
    access: 'admin',
    summary: 'A page of entries for management, disabled ones included, with how many match',
    query: EntryFilter.extend({
      limit: queryInt(1, 500).prefault(100),
      offset: queryInt(0, Number.MAX_SAFE_INTEGER).prefault(0),
    }),
    response: KnowledgeEntryPageSchema,
  },
  exportKnowledge: {
    method: 'GET',
    path: '/api/admin/knowledge/export',
    access: 'admin',
    summary: 'Every entry the filter matches, in one answer (the console writes them as CSV the import reads back)',
    query: EntryFilter,
    response: z.array(KnowledgeEntrySchema),
  },
  createKnowledgeEntry: {
    method: 'POST',
    path: '/api/admin/knowledge/entries',
    access: 'admin',
    summary: 'Add an entry',
    body: NewKnowledgeEntryBodySchema,
    response: KnowledgeEntrySchema,
  },
  updateKnowledgeEntry: {
    method: 'PATCH',
    path: '/api/admin/knowledge/entries/:id',
    access: 'admin',
    summary: 'Change an entry',
    params: IdParams,
    body: UpdateKnowledgeEntryBodySchema,
    response: KnowledgeEntrySchema,
  },
  deleteKnowledgeEntry: {
    method: 'DELETE',
    path: '/api/admin/knowledge/entries/:id',
    access: 'admin',
    summary: 'Delete an entry',
    params: IdParams,
    response: Ok,
  },
  createKnowledgeCategory: {
    method: 'POST',
    path: '/api/admin/knowledge/categories',
    access: 'admin',
    summary: 'Add a category',
    body: CategoryBody,
    response: KnowledgeCategorySchema,
  },
  updateKnowledgeCategory: {
    method: 'PATCH',
    path: '/api/admin/knowledge/categories/:id',
    access: 'admin',
    summary: 'Rename or reorder a category',
    params: IdParams,
    body: z.strictObject({ name: nameField(KNOWLEDGE_LIMITS.categoryNameMax).optional(), sortOrder: z.number().int().min(0).max(1_000_000).optional() }),
    response: KnowledgeCategorySchema,
  },
  deleteKnowledgeCategory: {
    method: 'DELETE',
    path: '/api/admin/knowledge/categories/:id',
    access: 'admin',
    summary: 'Delete an unused category',
    params: IdParams,
    response: Ok,
  },
  importKnowledge: {
    method: 'POST',
    path: '/api/admin/knowledge/import',
    access: 'admin',
    summary: 'Import entries from a CSV or XLSX file (base64); valid rows go in, each bad row is reported with its row number',
    body: KnowledgeImportBodySchema,
    response: KnowledgeImportResultSchema,
  },
} as const satisfies Record<string, RouteDef>;
