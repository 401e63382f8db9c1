import { invoke } from '../app/kefu.js';
import { dataUrlCache } from '../platform/dataUrlCache.js';

/** Attachments never change, so each is fetched once per session and reused as a data URL. */
export const attachmentDataUrl = dataUrlCache((attachmentId) => invoke('attachments:get', { attachmentId }));
