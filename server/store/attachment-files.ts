import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentStore } from './types.js';

/**
 * Attachment bytes as files under dataDir/attachments, named by their id (never by the
 * uploader's name). Files rather than BLOBs: 20 MB uploads would bloat the WAL and stall the
 * event loop on checkpoints, and the database stays small enough to back up and vacuum quickly.
 * Written to a temp name and renamed, so a crash never leaves half a file under a real id.
 */
export function fileAttachmentStore(dir: string): AttachmentStore {
  mkdirSync(dir, { recursive: true });
  const pathOf = (id: string): string => {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('attachment id must be a uuid');
    return join(dir, id);
  };
  return {
    write: (id, bytes) => {
      const tmp = `${pathOf(id)}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, pathOf(id));
    },
    read: (id) => {
      try {
        return readFileSync(pathOf(id));
      } catch {
        return undefined;
      }
    },
    remove: (id) => rmSync(pathOf(id), { force: true }),
    link: (fromId, toId) => {
      const from = pathOf(fromId);
      if (!existsSync(from)) return false;
      const tmp = `${pathOf(toId)}.tmp`;
      rmSync(tmp, { force: true });
      // A hard link shares the bytes and outlives the source's removal; copy where links are not allowed.
      try {
        linkSync(from, tmp);
      } catch {
        copyFileSync(from, tmp);
      }
      renameSync(tmp, pathOf(toId));
      return true;
    },
  };
}
