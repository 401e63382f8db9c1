export { useDesktopStore, type DesktopSettingsPatch } from './desktopStore.js';
export { subscribeDesktop } from './subscribeDesktop.js';
export { ScreenshotButton } from './ScreenshotButton.js';
export { DesktopEffects } from './DesktopEffects.js';
export { useScreenshot } from './useScreenshot.js';
