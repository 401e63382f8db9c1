/**
 * Which names GET /updates/:file serves, and as what. Only electron-builder's artifacts: the
 * channel files electron-updater reads (latest.yml, latest-linux.yml, beta-linux-arm64.yml…), the
 * installers they name and their blockmaps. electron-builder also leaves builder-debug.yml and
 * builder-effective-config.yaml in its output folder; an admin who copies the whole folder must
 * not publish the build's configuration, so those are unknown here like any other name.
 */
import { UPDATE_FILE_NAME } from '../../shared/protocol/updates.js';

export type UpdateFile = { kind: 'unsafe' } | { kind: 'unknown' } | { kind: 'known'; contentType: string; feed: boolean };

const CHANNEL_FILE = /^(?!builder-)[a-z0-9]+(-[a-z0-9]+)*\.yml$/;

const INSTALLER_TYPES: Record<string, string> = {
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.AppImage': 'application/octet-stream',
  '.deb': 'application/vnd.debian.binary-package',
  '.rpm': 'application/x-rpm',
  '.zip': 'application/zip',
  '.dmg': 'application/x-apple-diskimage',
  '.7z': 'application/x-7z-compressed',
  // gzip-compressed JSON that electron-updater unpacks itself: sent as bytes, never re-encoded.
  '.blockmap': 'application/octet-stream',
};

export function updateFile(name: string): UpdateFile {
  if (!UPDATE_FILE_NAME.test(name)) return { kind: 'unsafe' };
  if (CHANNEL_FILE.test(name)) return { kind: 'known', contentType: 'text/yaml; charset=utf-8', feed: true };
  const extension = Object.keys(INSTALLER_TYPES).find((ext) => name.endsWith(ext) && name.length > ext.length);
  return extension ? { kind: 'known', contentType: INSTALLER_TYPES[extension]!, feed: false } : { kind: 'unknown' };
}
