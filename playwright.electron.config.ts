import { defineConfig } from '@playwright/test';

/** The Electron suite: its own config so the browser e2e run (Chromium) never picks it up. */
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  workers: 1,
});
