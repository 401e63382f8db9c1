/** REST routes of 名片分类 (managed tag categories, issue 13): staff read them, admins manage them. */
import { z } from 'zod';
import { NewTagCategoryBodySchema, TagCategorySchema, UpdateTagCategoryBodySchema } from '../tag-categories.js';
import { IdParams, Ok } from './rest-common.js';
import type { RouteDef } from './rest.js';

export const tagCategoryRoutes = {
  listTagCategories: {
    method: 'GET',
    path: '/api/tag-categories',
    access: 'staff',
    summary: '名片分类: the managed tag categories and their tags, in order',
    response: z.array(TagCategorySchema),
  },
  createTagCategory: {
    method: 'POST',
    path: '/api/admin/tag-categories',
    access: 'admin',
    summary: 'Add a tag category with its tags (names unique; a tag belongs to one category)',
    body: NewTagCategoryBodySchema,
    response: TagCategorySchema,
  },
  updateTagCategory: {
    method: 'PATCH',
    path: '/api/admin/tag-categories/:id',
    access: 'admin',
    summary: 'Rename a tag category, replace its tags or move it',
    params: IdParams,
    body: UpdateTagCategoryBodySchema,
    response: TagCategorySchema,
  },
  deleteTagCategory: {
    method: 'DELETE',
    path: '/api/admin/tag-categories/:id',
    access: 'admin',
    summary: 'Delete a tag category; profiles keep the tags they have (as free tags)',
    params: IdParams,
    response: Ok,
  },
} as const satisfies Record<string, RouteDef>;
