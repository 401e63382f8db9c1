import { defineConfig } from 'vitest/config';

// Unit tests sit beside their code as *.test.ts(x). Playwright specs (test/e2e) are kept out.
// test/packaging/*.test.ts check the packaging inputs here; test/packaging/app needs the built
// bundles and runs after the build with its own config (vitest.packaging.config.ts).
// testTimeout is a backstop for a hung test; every wait inside a test is for a condition.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'electron/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/packaging/*.test.ts'],
          exclude: ['server/widget/client/**', 'node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'server/widget/client/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
