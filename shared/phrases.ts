/**
 * Canned phrases (常用语 / 常用链接), their categories, and auto-reply (自动应答) — SPEC E.
 * Public phrases are managed by admins, a group's (groupId) by admins and that group's 组长 (read by
 * its members only); personal ones belong to one agent (ownerId). See ./content-scope.ts.
 * Pure TS + zod: the server validates with these schemas, the services cache them, the renderer
 * fills variables and filters with the helpers at the bottom.
 */
import { z } from 'zod';
import { nameField, textField } from './domain.js';
import { LIMITS } from './limits.js';
import { ContentGroupIdSchema, groupIdFitsScope } from './content-scope.js';

export const PHRASE_LIMITS = {
  titleMax: 100,
  /** Phrases (and categories) one agent may own, and public ones in total: bounds every list. */
  perOwnerMax: 500,
  autoReplyMax: 500,
  queryMax: 100,
  /** Seconds before an assigned conversation nobody answered goes back to the queue. */
  notRespondingMin: 10,
  notRespondingMax: 3600,
} as const;

/** 公共 (the company's), 技能组 (one group's: its leader manages them, its members read them), 个人 (one agent's). */
export const PhraseScopeSchema = z.enum(['public', 'group', 'personal']);
export type PhraseScope = z.infer<typeof PhraseScopeSchema>;
/** 常用语 (text) and 常用链接 (link). Files (常用文件) are not stored as phrases yet. */
export const PhraseKindSchema = z.enum(['text', 'link']);
export type PhraseKind = z.infer<typeof PhraseKindSchema>;

/** "/th", "th", "hello_1": what an agent types after "/" in the input box. */
export const PhraseShortcutSchema = z
  .string()
  .trim()
  .regex(/^\/?[A-Za-z0-9_-]{1,20}$/, 'letters, digits, _ or -, up to 20, optionally after "/"')
  .transform((s) => (s.startsWith('/') ? s.slice(1) : s).toLowerCase());
/** "Alt+1", "Ctrl+Shift+H": a per-phrase hotkey inside the input box. */
export const PhraseHotkeySchema = z.string().regex(/^((Ctrl|Alt|Shift)\+){1,3}[A-Z0-9]$/, 'like Alt+1 or Ctrl+Shift+H');

/** http(s) with a host and no whitespace; shared has no URL class (no DOM, no Node). */
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, 'an http:// or https:// URL');

export const PhraseCategorySchema = z.object({
  id: z.string(),
  scope: PhraseScopeSchema,
  ownerId: z.string().nullable(),
  /** The skill group of a group category; null otherwise. */
  groupId: z.string().nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  updatedAt: z.number(),
});
export type PhraseCategory = z.infer<typeof PhraseCategorySchema>;

export const PhraseSchema = z.object({
  id: z.string(),
  scope: PhraseScopeSchema,
  /** The owning agent of a personal phrase; null for public and group ones. */
  ownerId: z.string().nullable(),
  /** The skill group of a group phrase; null otherwise. */
  groupId: z.string().nullable(),
  categoryId: z.string().nullable(),
  kind: PhraseKindSchema,
  title: z.string(),
  /** The text, or the URL of a link. */
  content: z.string(),
  /** Without the leading "/", lower case. */
  shortcut: z.string().nullable(),
  hotkey: z.string().nullable(),
  sortOrder: z.number().int(),
  updatedAt: z.number(),
});
export type Phrase = z.infer<typeof PhraseSchema>;

export const PhraseListSchema = z.object({ categories: z.array(PhraseCategorySchema), phrases: z.array(PhraseSchema) });
export type PhraseList = z.infer<typeof PhraseListSchema>;

const sortOrder = z.number().int().min(0).max(1_000_000);
const phraseFields = {
  categoryId: z.string().min(1).max(64).nullable(),
  title: textField(PHRASE_LIMITS.titleMax),
  content: textField(LIMITS.messageTextMax),
  shortcut: PhraseShortcutSchema.nullable(),
  hotkey: PhraseHotkeySchema.nullable(),
  sortOrder,
};

/** A link's content must be a web URL; checked wherever kind and content meet. */
export function linkContentIsUrl(value: { kind?: PhraseKind; content?: string }, ctx: z.RefinementCtx): void {
  if (value.kind === 'link' && value.content !== undefined && !httpUrl.safeParse(value.content).success) {
    ctx.addIssue({ code: 'custom', path: ['content'], message: 'a link must be an http:// or https:// URL' });
  }
}

/** A personal phrase as the workstation asks for it (the services add scope 'personal'). */
export const PersonalPhraseFieldsSchema = z.strictObject({
  kind: PhraseKindSchema.default('text'),
  categoryId: phraseFields.categoryId.default(null),
  title: phraseFields.title,
  content: phraseFields.content,
  shortcut: phraseFields.shortcut.default(null),
  hotkey: phraseFields.hotkey.default(null),
  sortOrder: sortOrder.optional(),
});

export const NewPhraseBodySchema = z
  .strictObject({
    scope: PhraseScopeSchema,
    /** The skill group of a group phrase (required then, refused otherwise). */
    groupId: ContentGroupIdSchema.nullable().default(null),
    kind: PhraseKindSchema.default('text'),
    categoryId: phraseFields.categoryId.default(null),
    title: phraseFields.title,
    content: phraseFields.content,
    shortcut: phraseFields.shortcut.default(null),
    hotkey: phraseFields.hotkey.default(null),
    sortOrder: sortOrder.optional(),
  })
  .superRefine(linkContentIsUrl)
  .superRefine(groupIdFitsScope);
export type NewPhraseBody = z.infer<typeof NewPhraseBodySchema>;

/** Scope, group and owner never change; the kind may (the server re-checks a link's URL against the stored row). */
export const UpdatePhraseBodySchema = z
  .strictObject({
    kind: PhraseKindSchema.optional(),
    categoryId: phraseFields.categoryId.optional(),
    title: phraseFields.title.optional(),
    content: phraseFields.content.optional(),
    shortcut: phraseFields.shortcut.optional(),
    hotkey: phraseFields.hotkey.optional(),
    sortOrder: sortOrder.optional(),
  })
  .superRefine(linkContentIsUrl);
export type UpdatePhraseBody = z.infer<typeof UpdatePhraseBodySchema>;

export const NewPhraseCategoryBodySchema = z
  .strictObject({
    scope: PhraseScopeSchema,
    groupId: ContentGroupIdSchema.nullable().default(null),
    name: nameField(LIMITS.nameMax),
    sortOrder: sortOrder.optional(),
  })
  .superRefine(groupIdFitsScope);
export const UpdatePhraseCategoryBodySchema = z.strictObject({ name: nameField(LIMITS.nameMax).optional(), sortOrder: sortOrder.optional() });

// — auto-reply (自动应答) —

/** Greeting when a conversation is assigned; one reply per conversation while the agent is 忙碌/离开. */
export const AutoReplySchema = z.strictObject({
  greetingEnabled: z.boolean(),
  greeting: z.string().trim().max(PHRASE_LIMITS.autoReplyMax),
  busyEnabled: z.boolean(),
  busyReply: z.string().trim().max(PHRASE_LIMITS.autoReplyMax),
});
export type AutoReply = z.infer<typeof AutoReplySchema>;

export const CompanyAutoReplySchema = AutoReplySchema.extend({
  /** 0 = off (default). Else an assigned conversation without an agent message after this many seconds goes back to the queue and the agent to 离开. */
  notRespondingSeconds: z.union([z.literal(0), z.number().int().min(PHRASE_LIMITS.notRespondingMin).max(PHRASE_LIMITS.notRespondingMax)]),
});
export type CompanyAutoReply = z.infer<typeof CompanyAutoReplySchema>;

export const AutoReplyStateSchema = z.object({
  /** The agent's own texts, or null to use the company default. */
  mine: AutoReplySchema.nullable(),
  company: CompanyAutoReplySchema,
  /** What is sent for this agent now. */
  effective: AutoReplySchema,
});
export type AutoReplyState = z.infer<typeof AutoReplyStateSchema>;

/** The clientId prefix of messages the server sent for an agent by itself (greeting, busy reply). */
export const AUTO_REPLY_CLIENT_PREFIX = 'auto-';
export const isAutoReplyClientId = (clientId: string): boolean => clientId.startsWith(AUTO_REPLY_CLIENT_PREFIX);

// — pure helpers used by every layer —

export interface PhraseVariables {
  visitor: string;
  agent: string;
}

const VARIABLES: Record<string, keyof PhraseVariables> = {
  访客昵称: 'visitor',
  visitor: 'visitor',
  客服昵称: 'agent',
  agent: 'agent',
};

/** Replaces {访客昵称}/{visitor} and {客服昵称}/{agent}; unknown {names} stay as written. */
export function fillPhraseVariables(text: string, values: PhraseVariables): string {
  return text.replace(/\{([^{}\s]{1,10})\}/g, (whole, name: string) => {
    const key = VARIABLES[name];
    return key ? values[key] : whole;
  });
}

/** Case-insensitive match on title, shortcut code and content; an empty query matches all. */
export function phraseMatches(phrase: Pick<Phrase, 'title' | 'shortcut' | 'content'>, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/^\//, '');
  if (q === '') return true;
  return phrase.title.toLowerCase().includes(q) || (phrase.shortcut ?? '').includes(q) || phrase.content.toLowerCase().includes(q);
}

/** Best first: exact code, code prefix, title prefix, then the rest in list order. */
export function rankPhrases<P extends Pick<Phrase, 'title' | 'shortcut' | 'content'>>(phrases: readonly P[], query: string): P[] {
  const q = query.trim().toLowerCase().replace(/^\//, '');
  const score = (p: P): number => {
    if (q === '') return 3;
    if (p.shortcut === q) return 0;
    if (p.shortcut?.startsWith(q)) return 1;
    if (p.title.toLowerCase().startsWith(q)) return 2;
    return 3;
  };
  return phrases
    .map((p, i) => ({ p, i, s: score(p) }))
    .filter(({ p }) => phraseMatches(p, q))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map(({ p }) => p);
}
