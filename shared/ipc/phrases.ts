/**
 * The canned-phrases part of the IPC contract (issue 5): phrases read from the workstation's cache
 * (works offline and instantly), personal phrase changes through the server then the cache, the
 * agent's auto-reply, and the agent's message font (字体设置), which is kept by the workstation
 * and applied to how the agent's own messages are shown.
 */
import { z } from 'zod';
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

const Id = z.string().min(1).max(64);
const Void = z.undefined();

// 字体设置 lives in shared/message-style.ts (messages carry it too); re-exported for existing importers.
export { DEFAULT_MESSAGE_STYLE, MESSAGE_FONT_FACES, MessageStyleSchema, type MessageStyle } from '../message-style.js';

const invokePhrases =
  <Res>() =>
  <Req extends z.ZodType>(request: Req) => ({ request, response: undefined as Res });

/** The renderer never creates public phrases: the services always send scope 'personal'. */
const PersonalPhraseRequestSchema = PersonalPhraseFieldsSchema.superRefine(linkContentIsUrl);

export const phraseInvokeChannels = {
  /** From the cache; `query` filters on title, code and content. */
  'phrases:list': invokePhrases<PhraseList>()(z.strictObject({ query: z.string().max(PHRASE_LIMITS.queryMax).optional() }).optional()),
  'phrases:categories': invokePhrases<PhraseCategory[]>()(Void),
  /** Fetch from the server into the cache now (also done on login, reconnect and after each change). */
  'phrases:refresh': invokePhrases<PhraseList>()(Void),
  'phrases:create': invokePhrases<Phrase>()(PersonalPhraseRequestSchema),
  'phrases:update': invokePhrases<Phrase>()(z.strictObject({ id: Id, patch: UpdatePhraseBodySchema })),
  'phrases:delete': invokePhrases<null>()(z.strictObject({ id: Id })),
  'auto-reply:get': invokePhrases<AutoReplyState>()(Void),
  'auto-reply:set': invokePhrases<AutoReplyState>()(z.strictObject({ autoReply: AutoReplySchema.nullable() })),
  'message-style:get': invokePhrases<MessageStyle>()(Void),
  'message-style:set': invokePhrases<MessageStyle>()(MessageStyleSchema),
  ...filePhraseInvokeChannels,
} as const;

export const phraseEventChannels = {
  /** The cached phrases changed (sync or an own change): reload with `phrases:list`. */
  'phrases:changed': z.object({ count: z.number().int() }),
  ...filePhraseEventChannels,
} as const;
