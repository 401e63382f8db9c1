import { defineConfig } from '@playwright/test';

/**
 * The Electron suite: its own config so the browser e2e run (Chromium) never picks it up. Run it
 * with `npx tsx test/electron/run.ts` (xvfb-run on Linux without a display; one line and done
 * where no Electron binary exists). The setup project builds the packaged app it launches.
 */
export default defineConfig({
  testDir: 'test/electron',
  timeout: 60_000,
  workers: 1,
  projects: [
    { name: 'packaged-app', testMatch: 'app.setup.ts' },
    { name: 'electron', testMatch: '*.spec.ts', dependencies: ['packaged-app'] },
  ],
});
