/**
 * 顾客信息 / 轨迹 / 名片分类: a visitor's profile (where they come from, what they use, what the
 * agents noted) and the trail of pages they viewed. Page data comes from the company's site through
 * the widget, so every field is bounded and only http(s) URLs are accepted.
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';
import { nameField } from './domain.js';

/** An absolute http: or https: URL; anything else (javascript:, data:, file:, relative) is refused. */
export const WebUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.pageUrlMax)
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }));

/** What the widget reports when a page of the company's site is shown. */
export const PageViewReportSchema = z.strictObject({
  url: WebUrlSchema,
  title: z.string().max(LIMITS.pageTitleMax).default(''),
  /** The page that linked here ('' when typed in or hidden by the browser). */
  referrer: z.union([z.literal(''), WebUrlSchema]).default(''),
});
export type PageViewReport = z.infer<typeof PageViewReportSchema>;

export const PageViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  referrer: z.string(),
  enteredAt: z.number().int(),
  /** When the visitor left the page; null while they are still on it (or it never said). */
  leftAt: z.number().int().nullable(),
  /** Time on page in ms (leftAt − enteredAt); null while unknown. */
  dwellMs: z.number().int().nonnegative().nullable(),
});
export type PageView = z.infer<typeof PageViewSchema>;

/** utm_* parameters of the landing page (推广活动). */
export const CampaignSchema = z.object({
  source: z.string(),
  medium: z.string(),
  name: z.string(),
  term: z.string(),
  content: z.string(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CustomerTagSchema = nameField(LIMITS.customerTagMax);

/** A contact phone an agent types: digits with optional leading + and spaces or dashes between. */
export const ContactPhoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?\d[\d -]{3,28}\d$/, 'a phone number: 5–30 digits, optional leading +, spaces or dashes');

export const ContactEmailSchema = z.string().trim().max(LIMITS.contactMax).email('an e-mail address like name@example.com');

export const CustomerProfileSchema = z.object({
  visitorId: z.string(),
  nickname: z.string(),
  /** From the IP with an offline database: '中国 江苏省 南京市'; '内网' for private addresses; '' unknown. */
  region: z.string(),
  browser: z.string(),
  os: z.string(),
  /** Traffic source (来源) of the first page view. */
  firstReferrer: z.string(),
  landingPage: z.string(),
  /** 'baidu', 'google', 'bing', 'sogou', '360' or '' . */
  searchEngine: z.string(),
  searchKeyword: z.string(),
  campaign: CampaignSchema,
  /** The latest page view (当前页面). */
  currentPage: PageViewSchema.nullable(),
  /** Newest first, at most LIMITS.trailShownMax (轨迹). */
  trail: z.array(PageViewSchema),
  /** 名片分类 */
  tags: z.array(z.string()),
  phone: z.string(),
  email: z.string(),
  /** The phone customer (客户资料) linked through the phone number, if any. */
  customerId: z.string().nullable(),
  updatedAt: z.number().int(),
});
export type CustomerProfile = z.infer<typeof CustomerProfileSchema>;

/** What an agent may change. '' clears a contact field. At least one field. */
export const CustomerProfilePatchSchema = z
  .strictObject({
    tags: z
      .array(CustomerTagSchema)
      .max(LIMITS.customerTagsMax)
      .refine((tags) => new Set(tags).size === tags.length, 'tags must be unique')
      .optional(),
    phone: z.union([z.literal(''), ContactPhoneSchema]).optional(),
    email: z.union([z.literal(''), ContactEmailSchema]).optional(),
  })
  .refine((patch) => patch.tags !== undefined || patch.phone !== undefined || patch.email !== undefined, 'change at least one of tags, phone, email');
export type CustomerProfilePatch = z.infer<typeof CustomerProfilePatchSchema>;
