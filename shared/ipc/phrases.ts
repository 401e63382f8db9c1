/**
 * The canned-phrases part of the IPC contract (issue 5): phrases read from the workstation's cache
 * (works offline and instantly), personal phrase changes through the server then the cache, the
 * agent's auto-reply, and the agent's message font (字体设置), which is kept by the workstation
 * and applied to how the agent's own messages are shown.
 */
import { z } from 'zod';
import { invoke, Id, Void } from './invoke.js';
import {
  AutoReplySchema,
  type AutoReplyState,
  PersonalPhraseFieldsSchema,
  linkContentIsUrl,
  PHRASE_LIMITS,
  type Phrase,
  type PhraseCategory,
  type PhraseList,
  UpdatePhraseBodySchema,
} from '../phrases.js';
import { MessageStyleSchema, type MessageStyle } from '../message-style.js';
import { filePhraseEventChannels, filePhraseInvokeChannels } from './file-phrases.js';

// 字体设置 lives in shared/message-style.ts (messages carry it too); re-exported for existing importers.
export { DEFAULT_MESSAGE_STYLE, MESSAGE_FONT_FACES, MessageStyleSchema, type MessageStyle } from '../message-style.js';

/** The renderer never creates public phrases: the services always send scope 'personal'. */
const PersonalPhraseRequestSchema = PersonalPhraseFieldsSchema.superRefine(linkContentIsUrl);

export const phraseInvokeChannels = {
  /** From the cache; `query` filters on title, code and content. */
  'phrases:list': invoke<PhraseList>()(z.strictObject({ query: z.string().max(PHRASE_LIMITS.queryMax).optional() }).optional()),
  'phrases:categories': invoke<PhraseCategory[]>()(Void),
  /** Fetch from the server into the cache now (also done on login, reconnect and after each change). */
  'phrases:refresh': invoke<PhraseList>()(Void),
  'phrases:create': invoke<Phrase>()(PersonalPhraseRequestSchema),
  'phrases:update': invoke<Phrase>()(z.strictObject({ id: Id, patch: UpdatePhraseBodySchema })),
  'phrases:delete': invoke<null>()(z.strictObject({ id: Id })),
  'auto-reply:get': invoke<AutoReplyState>()(Void),
  'auto-reply:set': invoke<AutoReplyState>()(z.strictObject({ autoReply: AutoReplySchema.nullable() })),
  'message-style:get': invoke<MessageStyle>()(Void),
  'message-style:set': invoke<MessageStyle>()(MessageStyleSchema),
  ...filePhraseInvokeChannels,
} as const;

export const phraseEventChannels = {
  /** The cached phrases changed (sync or an own change): reload with `phrases:list`. */
  'phrases:changed': z.object({ count: z.number().int() }),
  ...filePhraseEventChannels,
} as const;
