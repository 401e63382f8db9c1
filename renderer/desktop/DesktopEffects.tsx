import { useEffect, useRef } from 'react';
import { useDesktopStore } from './desktopStore.js';
import { useScreenshot } from './useScreenshot.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';

/**
 * Reacts to the global 截屏 shortcut (desktop:screenshot-requested): captures into the
 * conversation open in the dialog. Renders nothing; lives inside antd's App for its messages.
 */
export function DesktopEffects() {
  const requests = useDesktopStore((s) => s.screenshotRequests);
  const capture = useScreenshot();
  // Only presses after mount count: a counter left over from an earlier session is not a request.
  const handled = useRef(requests);
  useEffect(() => {
    if (requests === handled.current) return;
    handled.current = requests;
    void capture(useConversationsStore.getState().selectedId);
  }, [requests, capture]);
  return null;
}
