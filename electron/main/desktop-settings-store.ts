/**
 * The desktop settings in the Electron main live in electron-store, with the same options, file
 * and migrations as the conf store the services use under plain Node (electron-store extends
 * conf). Two of its defaults are overridden on purpose:
 * - `name` is the file name (electron-store would write config.json);
 * - `projectVersion` stays the settings layout's version: electron-store fills it with
 *   app.getVersion() only when it is empty, and migrations keyed 2.0.0 would never run for an
 *   app at 0.1.0.
 */
import ElectronStore, { type Options as ElectronStoreOptions } from 'electron-store';
import { desktopSettingsStoreOptions, wrapDesktopSettings, type DesktopSettingsStore } from '../services/desktop/desktop-settings.js';

export function openElectronDesktopSettings(dataDir: string): DesktopSettingsStore {
  const { configName, ...options } = desktopSettingsStoreOptions(dataDir);
  // electron-store's Options type leaves out projectVersion (it fills it itself); its constructor
  // keeps one that is given, which is the point here.
  const storeOptions: ElectronStoreOptions<Record<string, unknown>> & { projectVersion: string } = { ...options, name: configName };
  return wrapDesktopSettings(new ElectronStore<Record<string, unknown>>(storeOptions));
}
