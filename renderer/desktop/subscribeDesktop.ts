import type { KefuApi } from '../../shared/ipc/contract.js';
import { useDesktopStore } from './desktopStore.js';

/** The desktop shell's events: settings changed elsewhere (tray), tray 设置, the 截屏 shortcut. */
export function subscribeDesktop(api: KefuApi): () => void {
  const store = useDesktopStore.getState;
  const offs = [
    api.on('desktop:state-changed', (state) => store().apply(state)),
    api.on('desktop:open-settings', () => store().requestSettings()),
    api.on('desktop:screenshot-requested', () => store().requestScreenshot()),
  ];
  return () => offs.forEach((off) => off());
}
