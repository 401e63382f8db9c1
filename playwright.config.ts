import { defineConfig } from '@playwright/test';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The phone spec's pages place real WebRTC calls: fake audio devices, no permission prompt, and
// ICE candidates on loopback (scripts/test.sh runs this project inside a private network namespace).
const MEDIA_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

// Debian's Chromium (docs/PLATFORM-NOTES.md): Playwright never downloads a browser here.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  // A backstop for a condition that never comes; a loaded machine misses 10 s while nothing is wrong.
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    headless: true,
    actionTimeout: 15_000,
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    { name: 'e2e', testIgnore: '**/phone*.spec.ts' },
    {
      name: 'phone',
      testMatch: '**/phone*.spec.ts',
      use: { launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...MEDIA_ARGS] } },
    },
  ],
});
