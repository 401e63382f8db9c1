/** REST routes of the knowledge base (知识库): console CRUD (admins; a 组长 their group's), admin import/export; agents read through the changes feed. */
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
import { ContentGroupIdSchema, ContentScopeFilterSchema, filterFitsScope } from '../content-scope.js';
import { queryInt } from '../query-number.js';
import { Id, IdParams, Ok } from './rest-common.js';
import type { RouteDef } from './rest.js';

const CategoryBody = z.strictObject({
  /** null: the company's; else a skill group's (a 组长 may name only their own). */
  groupId: ContentGroupIdSchema.nullable().default(null),
  name: nameField(KNOWLEDGE_LIMITS.categoryNameMax),
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
});

/** The console's filter of the entry list, and of its export (scope/groupId: ../content-scope.ts). */
const EntryFilter = ContentScopeFilterSchema.extend({
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
    summary: 'Knowledge categories the caller sees (the company’s and their group’s)',
    response: z.array(KnowledgeCategorySchema),
  },
  adminListKnowledgeCategories: {
    method: 'GET',
    path: '/api/admin/knowledge/categories',
    access: 'leader',
    summary: 'Categories the caller manages (a 组长: their group’s), optionally of one scope or group',
    query: ContentScopeFilterSchema.superRefine(filterFitsScope),
    response: z.array(KnowledgeCategorySchema),
  },
  listKnowledgeEntries: {
    method: 'GET',
    path: '/api/admin/knowledge/entries',
    access: 'leader',
    summary: 'A page of the entries the caller manages (a 组长: their group’s), disabled ones included, with how many match',
    query: EntryFilter.extend({
      limit: queryInt(1, 500).prefault(100),
      offset: queryInt(0, Number.MAX_SAFE_INTEGER).prefault(0),
    }).superRefine(filterFitsScope),
    response: KnowledgeEntryPageSchema,
  },
  exportKnowledge: {
    method: 'GET',
    path: '/api/admin/knowledge/export',
    access: 'admin',
    summary: 'Every entry the filter matches, in one answer (the console writes them as CSV the import reads back)',
    query: EntryFilter.superRefine(filterFitsScope),
    response: z.array(KnowledgeEntrySchema),
  },
  createKnowledgeEntry: {
    method: 'POST',
    path: '/api/admin/knowledge/entries',
    access: 'leader',
    summary: 'Add an entry',
    body: NewKnowledgeEntryBodySchema,
    response: KnowledgeEntrySchema,
  },
  updateKnowledgeEntry: {
    method: 'PATCH',
    path: '/api/admin/knowledge/entries/:id',
    access: 'leader',
    summary: 'Change an entry',
    params: IdParams,
    body: UpdateKnowledgeEntryBodySchema,
    response: KnowledgeEntrySchema,
  },
  deleteKnowledgeEntry: {
    method: 'DELETE',
    path: '/api/admin/knowledge/entries/:id',
    access: 'leader',
    summary: 'Delete an entry',
    params: IdParams,
    response: Ok,
  },
  createKnowledgeCategory: {
    method: 'POST',
    path: '/api/admin/knowledge/categories',
    access: 'leader',
    summary: 'Add a category',
    body: CategoryBody,
    response: KnowledgeCategorySchema,
  },
  updateKnowledgeCategory: {
    method: 'PATCH',
    path: '/api/admin/knowledge/categories/:id',
    access: 'leader',
    summary: 'Rename or reorder a category',
    params: IdParams,
    body: z.strictObject({ name: nameField(KNOWLEDGE_LIMITS.categoryNameMax).optional(), sortOrder: z.number().int().min(0).max(1_000_000).optional() }),
    response: KnowledgeCategorySchema,
  },
  deleteKnowledgeCategory: {
    method: 'DELETE',
    path: '/api/admin/knowledge/categories/:id',
    access: 'leader',
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
