/**
 * 顾客信息 / 轨迹 / 名片分类 over IPC. Profiles go to the server every time (no cache): the trail
 * is live data that changes while the visitor browses, and an agent needs the current one.
 */
import { z } from 'zod';
import { invoke } from './invoke.js';
import { CustomerProfilePatchSchema, type CustomerProfile } from '../customers.js';
import { TagCategorySchema, type TagCategory } from '../tag-categories.js';

const VisitorId = z.string().min(1).max(64);

export const customerInvokeChannels = {
  /** Profile + trail of a visitor this agent serves (admins: any). */
  'customers:get-profile': invoke<CustomerProfile>()(z.strictObject({ visitorId: VisitorId })),
  /** Change 名片分类 tags, phone, e-mail. */
  'customers:update-profile': invoke<CustomerProfile>()(z.strictObject({ visitorId: VisitorId, patch: CustomerProfilePatchSchema })),
  /** 名片分类: the tag categories an admin manages, to pick a visitor's tags from (free tags stay possible); as the services last read them. */
  'customers:tag-categories': invoke<TagCategory[]>()(z.undefined()),
} as const;

export const customerEventChannels = {
  /** The visitor's profile or trail changed on the server: read it again with customers:get-profile. */
  'customers:profile-changed': z.object({ visitorId: z.string() }),
  /** 名片分类 were read again (an admin changed them, or the connection came back): the whole list, in order. */
  'customers:tag-categories-changed': z.array(TagCategorySchema),
} as const;
