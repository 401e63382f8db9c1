/** REST routes of conversation records (对话记录): query with filters, server-side sort and pages, export. */
import { z } from 'zod';
import { ConversationSchema, EndedBySchema, StartedBySchema } from '../domain.js';
import { LIMITS } from '../limits.js';
import { queryInt } from '../query-number.js';
import { Id } from './rest-common.js';
import type { RouteDef } from './rest.js';

export const RECORD_LIMITS = {
  pageSizeMax: 100,
  /** An export stops at this many rows, so one request cannot build an unbounded file. */
  exportRowsMax: 10_000,
  keywordMax: 100,
} as const;

export const RecordSortSchema = z.enum(['createdAt', 'endedAt', 'rating', 'roomNo']);
export type RecordSort = z.infer<typeof RecordSortSchema>;

const epochMs = queryInt(LIMITS.timestampMinMs, LIMITS.timestampMaxMs);
/** Query strings carry booleans as text (only these two spellings); IPC may pass a real boolean. */
const boolText = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

/** Filters shared by the query and the export. */
const recordFilterShape = {
  from: epochMs.optional(),
  to: epochMs.optional(),
  agentId: Id.optional(),
  /** Part of the visitor's name or of the room number. */
  visitor: z.string().trim().min(1).max(64).optional(),
  /** Part of the text of any message of the conversation. */
  keyword: z.string().trim().min(1).max(RECORD_LIMITS.keywordMax).optional(),
  startedBy: StartedBySchema.optional(),
  endedBy: EndedBySchema.optional(),
  valid: boolText.optional(),
  rating: queryInt(1, 5).optional(),
  topicId: Id.optional(),
  sort: RecordSortSchema.default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
};

export const RecordQuerySchema = z
  .strictObject({
    ...recordFilterShape,
    page: queryInt(1, 1_000_000).prefault(1),
    pageSize: queryInt(1, RECORD_LIMITS.pageSizeMax).prefault(20),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type RecordQuery = z.output<typeof RecordQuerySchema>;
export type RecordQueryInput = z.input<typeof RecordQuerySchema>;

export const RecordExportFormatSchema = z.enum(['csv', 'xlsx']);
export type RecordExportFormat = z.infer<typeof RecordExportFormatSchema>;

export const RecordExportQuerySchema = z
  .strictObject({ ...recordFilterShape, format: RecordExportFormatSchema })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type RecordExportQuery = z.output<typeof RecordExportQuerySchema>;
export type RecordExportQueryInput = z.input<typeof RecordExportQuerySchema>;

export const RecordPageSchema = z.object({ total: z.number().int().nonnegative(), items: z.array(ConversationSchema) });
export type RecordPage = z.infer<typeof RecordPageSchema>;

export const recordRoutes = {
  queryRecords: {
    method: 'GET',
    path: '/api/records',
    access: 'staff',
    summary: 'Conversation records (对话记录) with filters, sort and pages; agents see their own',
    query: RecordQuerySchema,
    response: RecordPageSchema,
  },
  exportRecords: {
    method: 'GET',
    path: '/api/records/export',
    access: 'staff',
    summary: 'Download the matching records as CSV or XLSX (capped rows)',
    query: RecordExportQuerySchema,
    response: z.unknown(),
  },
} as const satisfies Record<string, RouteDef>;
