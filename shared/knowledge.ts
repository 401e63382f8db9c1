/**
 * Knowledge base (知识库): entries an admin manages (a 组长 their group's, ./content-scope.ts) and agents search. An answer is stored and sent
 * as a small structure (paragraphs and lists of text runs with bold/italic/link marks), never as
 * HTML: every client renders it from this structure, so nothing in an answer can ever run.
 */
import { z } from 'zod';
import { textField } from './domain.js';
import { ContentGroupIdSchema } from './content-scope.js';

export const KNOWLEDGE_LIMITS = {
  questionMax: 200,
  /** Characters of the answer as the admin sends it (safe HTML subset or plain text). */
  answerSourceMax: 20_000,
  keywordMax: 30,
  keywordsMax: 20,
  categoryNameMax: 50,
  /** Characters of a search query. */
  queryMax: 100,
  searchLimitMax: 50,
  /** Entries per page of the changes feed. */
  changesPageMax: 1000,
  /** Bytes of an uploaded spreadsheet (it travels base64 in a JSON body). */
  importBytesMax: 180 * 1024,
  /** Data rows of one import. */
  importRowsMax: 2000,
} as const;

/** Only http and https links survive; javascript:, data: and friends never do. */
export const SafeHrefSchema = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s<>"']+$/i, 'only http(s) links');

export const RichInlineSchema = z.strictObject({
  text: z.string().min(1),
  bold: z.literal(true).optional(),
  italic: z.literal(true).optional(),
  href: SafeHrefSchema.optional(),
});
export type RichInline = z.infer<typeof RichInlineSchema>;

export const RichBlockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('p'), children: z.array(RichInlineSchema).min(1) }),
  z.strictObject({ type: z.enum(['ul', 'ol']), items: z.array(z.array(RichInlineSchema).min(1)).min(1) }),
]);
export type RichBlock = z.infer<typeof RichBlockSchema>;

/** An answer: a list of blocks. */
export const RichDocSchema = z.array(RichBlockSchema).max(500);
export type RichDoc = z.infer<typeof RichDocSchema>;

export const KnowledgeCategorySchema = z.object({
  id: z.string(),
  /** A skill group's own category (its 组长 manages it, its members see it); null: the company's. */
  groupId: z.string().nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
});
export type KnowledgeCategory = z.infer<typeof KnowledgeCategorySchema>;

export const KnowledgeEntrySchema = z.object({
  id: z.string(),
  /** A skill group's own entry (its 组长 manages it, only its members find it); null: the company's. Never changes. */
  groupId: z.string().nullable(),
  categoryId: z.string().nullable(),
  question: z.string(),
  keywords: z.array(z.string()),
  answer: RichDocSchema,
  /** The answer as plain text (what search looks at and what goes into the input box). */
  answerText: z.string(),
  enabled: z.boolean(),
  /** Change number: grows with every change of any entry; the sync cursor. */
  rev: z.number().int(),
  updatedAt: z.number(),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntrySchema>;

export const KeywordsSchema = z.array(textField(KNOWLEDGE_LIMITS.keywordMax)).max(KNOWLEDGE_LIMITS.keywordsMax);

export const NewKnowledgeEntryBodySchema = z.strictObject({
  /** null: the company's; else a skill group's (a 组长 may name only their own). */
  groupId: ContentGroupIdSchema.nullable().default(null),
  question: textField(KNOWLEDGE_LIMITS.questionMax),
  categoryId: z.string().min(1).max(64).nullable().default(null),
  keywords: KeywordsSchema.default([]),
  /** Safe HTML subset (p, br, b/strong, i/em, ul/ol/li, a href=http(s)) or plain text. */
  answer: textField(KNOWLEDGE_LIMITS.answerSourceMax),
  enabled: z.boolean().default(true),
});
export type NewKnowledgeEntryBody = z.infer<typeof NewKnowledgeEntryBodySchema>;

export const UpdateKnowledgeEntryBodySchema = z.strictObject({
  question: textField(KNOWLEDGE_LIMITS.questionMax).optional(),
  categoryId: z.string().min(1).max(64).nullable().optional(),
  keywords: KeywordsSchema.optional(),
  answer: textField(KNOWLEDGE_LIMITS.answerSourceMax).optional(),
  enabled: z.boolean().optional(),
});
export type UpdateKnowledgeEntryBody = z.infer<typeof UpdateKnowledgeEntryBodySchema>;

/** One change in the feed: the entry as this reader may see it, or null when it is gone for them. */
export const KnowledgeChangeSchema = z.object({ id: z.string(), rev: z.number().int(), entry: KnowledgeEntrySchema.nullable() });
export type KnowledgeChange = z.infer<typeof KnowledgeChangeSchema>;

export const KnowledgeChangesSchema = z.object({
  changes: z.array(KnowledgeChangeSchema),
  /** Every category this reader sees (there are few); the workstation replaces its list. */
  categories: z.array(KnowledgeCategorySchema),
  /**
   * The skill groups whose entries this reader sees. When it differs from what the cache was built
   * for (the agent moved to another group, another agent logged in), the workstation starts over
   * from cursor 0: entries left behind below the cursor would never come as removals.
   */
  groups: z.array(z.string()),
  /** Pass as `after` next time. */
  cursor: z.number().int(),
  more: z.boolean(),
});
export type KnowledgeChanges = z.infer<typeof KnowledgeChangesSchema>;

export const KnowledgeImportBodySchema = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil((KNOWLEDGE_LIMITS.importBytesMax * 4) / 3) + 4),
});

export const KnowledgeImportResultSchema = z.object({
  imported: z.number().int(),
  /** Row numbers as the spreadsheet shows them (the header is row 1). */
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
export type KnowledgeImportResult = z.infer<typeof KnowledgeImportResultSchema>;
