/**
 * The knowledge base's part of the IPC contract. Search runs in the services over the local cache
 * (FTS5 trigram for 3+ characters, LIKE for 1–2); results carry highlight ranges, never markup,
 * so the renderer highlights by slicing text.
 */
import { z } from 'zod';
import { invoke, Void } from './invoke.js';
import { KNOWLEDGE_LIMITS, KnowledgeCategorySchema, KnowledgeEntrySchema } from '../knowledge.js';

/** [start, end) in UTF-16 code units of the string it belongs to. */
export const HighlightRangeSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type HighlightRange = z.infer<typeof HighlightRangeSchema>;

export const KnowledgeHitSchema = z.object({
  id: z.string(),
  /** The agent's skill group when the entry is that group's own (shown as 本组); null: the company's. */
  groupId: z.string().nullable(),
  categoryId: z.string().nullable(),
  question: z.string(),
  questionRanges: z.array(HighlightRangeSchema),
  keywords: z.array(z.string()),
  /** A part of the answer text around the first match (or its start). */
  snippet: z.string(),
  snippetRanges: z.array(HighlightRangeSchema),
  /** Where the best match is: ranking puts question above keywords above answer. */
  matchedIn: z.enum(['question', 'keywords', 'answer']),
});
export type KnowledgeHit = z.infer<typeof KnowledgeHitSchema>;

export const KnowledgeSearchResultSchema = z.object({
  hits: z.array(KnowledgeHitSchema),
  /** How the cache was searched: 'fts' (trigram, 3+ characters), 'like' (1–2 characters). */
  mode: z.enum(['fts', 'like', 'none']),
  /** When the cache last synced with the server (ms epoch), null if never. */
  syncedAt: z.number().nullable(),
});
export type KnowledgeSearchResult = z.infer<typeof KnowledgeSearchResultSchema>;

export const KnowledgeSearchRequestSchema = z.strictObject({
  query: z.string().max(KNOWLEDGE_LIMITS.queryMax),
  limit: z.number().int().min(1).max(KNOWLEDGE_LIMITS.searchLimitMax).default(20),
  categoryId: z.string().min(1).max(64).nullable().default(null),
});
export type KnowledgeSearchRequest = z.input<typeof KnowledgeSearchRequestSchema>;

export const knowledgeInvokeChannels = {
  'knowledge:search': invoke<KnowledgeSearchResult>()(KnowledgeSearchRequestSchema),
  'knowledge:get': invoke<z.infer<typeof KnowledgeEntrySchema>>()(z.strictObject({ id: z.string().min(1).max(64) })),
  'knowledge:categories': invoke<z.infer<typeof KnowledgeCategorySchema>[]>()(Void),
  /** Pull changes from the server now; answers how many entries changed. */
  'knowledge:sync': invoke<{ changed: number; syncedAt: number | null }>()(Void),
} as const;
