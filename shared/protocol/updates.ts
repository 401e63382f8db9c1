/**
 * Self-update files served by the backend (GET /updates/:file) from the folder an admin fills
 * with electron-builder's output: latest.yml / latest-linux.yml and the installers and blockmaps
 * they name. The workstation's updater (electron-updater, generic provider) reads them under
 * the server address the agent uses, so the company's own server is the update source.
 */

export const UPDATES_PATH = '/updates';

/**
 * A servable file name: one path segment of letters, digits and . _ - (what electron-builder
 * names its artifacts, e.g. kefu-desk-0.2.0-setup.exe, kefu-desk-0.2.0.AppImage.blockmap), not
 * starting with a dot, at most 200 characters. Anything else (../, %2F, \, hidden files) is
 * refused before the file system is asked.
 */
export const UPDATE_FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/** The feed URL electron-updater's generic provider takes for a server address (an origin). */
export const updateFeedUrl = (serverUrl: string): string => `${serverUrl}${UPDATES_PATH}/`;
