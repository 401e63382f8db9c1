/**
 * The 公司设置 part of the IPC contract: the company's settings and default auto-reply as the
 * workstation last read them from the server (小结 required or not, the agents' file size …),
 * and the event that brings them to the page whenever an admin changes them — no reload.
 */
import { z } from 'zod';
import { ServerSettingsSchema } from '../domain.js';
import { CompanyAutoReplySchema } from '../phrases.js';
import { invoke, Void } from './invoke.js';

export const CompanySettingsSchema = z.object({
  settings: ServerSettingsSchema,
  autoReply: CompanyAutoReplySchema,
});
export type CompanySettings = z.infer<typeof CompanySettingsSchema>;

export const companySettingsInvokeChannels = {
  /** What the services hold (read from the server on connect and on each `settings.changed`). */
  'company-settings:get': invoke<CompanySettings>()(Void),
} as const;

export const companySettingsEventChannels = {
  /** The server's settings changed and were read again. */
  'company-settings:changed': CompanySettingsSchema,
} as const;
