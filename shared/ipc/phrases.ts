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

const Id = z.string().min(1).max(64);
const Void = z.undefined();

export const MESSAGE_FONT_FACES = ['default', 'Microsoft YaHei', 'SimSun', 'SimHei', 'KaiTi', 'Arial', 'Times New Roman'] as const;

/** 字体设置: a small style object, never HTML. */
export const MessageStyleSchema = z.strictObject({
  fontFace: z.enum(MESSAGE_FONT_FACES),
  fontSize: z.number().int().min(12).max(24),
  bold: z.boolean(),
  italic: z.boolean(),
  underline: z.boolean(),
  /** #rrggbb */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, '#rrggbb'),
});
export type MessageStyle = z.infer<typeof MessageStyleSchema>;
export const DEFAULT_MESSAGE_STYLE: MessageStyle = { fontFace: 'default', fontSize: 14, bold: false, italic: false, underline: false, color: '#1f1f1f' };

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
} as const;

export const phraseEventChannels = {
  /** The cached phrases changed (sync or an own change): reload with `phrases:list`. */
  'phrases:changed': z.object({ count: z.number().int() }),
} as const;
