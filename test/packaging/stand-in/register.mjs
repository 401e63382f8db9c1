// Loaded with `node --import` before the main bundle: installs the 'electron' and
// 'electron-updater' → stand-in hook.
import { register } from 'node:module';

register('./electron-hook.mjs', import.meta.url, {
  data: { standIn: new URL('./electron.ts', import.meta.url).href, updaterStandIn: new URL('./electron-updater.ts', import.meta.url).href },
});
