/**
 * Who the app is to Windows. The NSIS installer gives its shortcuts the AppUserModelId appId of
 * electron-builder.yml; Windows shows a toast only for an app whose id matches a shortcut, and
 * Electron names the login item (HKCU Run value, also written by build/installer.nsh) after it.
 * Must equal electron-builder.yml's appId (test/packaging checks it).
 */
export const APP_USER_MODEL_ID = 'com.kefudesk.workstation';
