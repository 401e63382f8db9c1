/** Route name → domain call for 名片分类 (shared/protocol/rest-tag-categories.ts). */
import type { tagCategoryRoutes } from '../../shared/protocol/rest-tag-categories.js';
import type { DomainContext } from '../domain/context.js';
import { createTagCategory, deleteTagCategory, listTagCategories, updateTagCategory } from '../domain/tag-categories/tag-categories.js';
import type { Handlers } from './register-routes.js';

export function createTagCategoryHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof tagCategoryRoutes> {
  return {
    listTagCategories: () => listTagCategories(ctx),
    createTagCategory: ({ principal, body }) => createTagCategory(ctx, principal.agent, body),
    updateTagCategory: ({ principal, params, body }) => updateTagCategory(ctx, principal.agent, params.id, body),
    deleteTagCategory: ({ principal, params }) => deleteTagCategory(ctx, principal.agent, params.id),
  };
}
