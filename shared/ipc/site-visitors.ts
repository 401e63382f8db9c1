/**
 * 访客监控 and 主动邀请 in the workstation. The list is not cached (it is only true now): while the
 * view is open the services watch it (the server then sends deltas) and forward each change to the
 * page in batches; closing the view stops the deltas.
 */
import { z } from 'zod';
import { InvitationSchema, SITE_VISITOR_LIMITS, SiteVisitorSchema, type Invitation, type SiteVisitor } from '../protocol/rest-site-visitors.js';
import { invoke, Id, Void } from './invoke.js';

export const siteVisitorInvokeChannels = {
  /** Starts watching and answers the visitors on the site now; deltas follow as `site-visitors:changed`. */
  'site-visitors:watch': invoke<SiteVisitor[]>()(Void),
  /** Stops the deltas (the view closed). */
  'site-visitors:unwatch': invoke<void>()(Void),
  /** 主动邀请: invite a visitor to chat with this agent. */
  'site-visitors:invite': invoke<Invitation>()(z.strictObject({ visitorId: Id, text: z.string().max(SITE_VISITOR_LIMITS.invitationTextMax).default('') })),
} as const;

export const siteVisitorEventChannels = {
  /** Visitors that arrived or changed, and those that left, since the last batch (in order). */
  'site-visitors:changed': z.object({ upserted: z.array(SiteVisitorSchema), left: z.array(z.string()) }),
  /** An invitation this agent sent was answered (accepted, declined) or lapsed. */
  'invitation:answered': InvitationSchema,
} as const;
