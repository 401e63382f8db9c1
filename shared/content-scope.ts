/**
 * Whose company content is (常用语, 常用文件 and their categories; 知识库 entries and categories):
 * the whole company, or one skill group (技能组) — which its 组长 manages and only its members read.
 * Phrases also have a personal scope (one agent's own). A group row names its group (groupId);
 * every other row has groupId null. Pure TS + zod, used by the server, the console and the services.
 */
import { z } from 'zod';

/** A group's id in a body or query: bounded like every other id. */
export const ContentGroupIdSchema = z.string().min(1).max(64);

/** The console's list filter: the company's content, one group's, or (no filter) everything the caller manages. */
export const ContentScopeFilterSchema = z.strictObject({
  scope: z.enum(['public', 'group']).optional(),
  groupId: ContentGroupIdSchema.optional(),
});
export type ContentScopeFilter = z.infer<typeof ContentScopeFilterSchema>;

/** A group row must name its group, and nothing else may: checked wherever scope and groupId meet. */
export function groupIdFitsScope(value: { scope?: string; groupId?: string | null }, ctx: z.RefinementCtx): void {
  if (value.scope === undefined) return;
  if (value.scope === 'group' && !value.groupId) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'a group phrase names its skill group' });
  if (value.scope !== 'group' && value.groupId) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'only a group phrase names a skill group' });
}

/** A filter naming a group is about group content: scope public with a groupId is a contradiction. */
export function filterFitsScope(value: ContentScopeFilter, ctx: z.RefinementCtx): void {
  if (value.scope === 'public' && value.groupId !== undefined) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'public content has no group' });
}
