import { invoke } from '../app/kefu.js';

/** Attachments never change, so each is fetched once per session and reused as a data URL. */
const cache = new Map<string, Promise<string | null>>();

export function attachmentDataUrl(attachmentId: string): Promise<string | null> {
  let pending = cache.get(attachmentId);
  if (!pending) {
    pending = invoke('attachments:get', { attachmentId }).then((result) => {
      if (!result.ok) {
        cache.delete(attachmentId); // let a later render try again
        return null;
      }
      return `data:${result.value.mime};base64,${result.value.dataBase64}`;
    });
    cache.set(attachmentId, pending);
  }
  return pending;
}
