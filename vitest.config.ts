import { defineConfig } from 'vitest/config';

// Unit tests sit beside their code as *.test.ts(x). Playwright specs (test/e2e) are kept out.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'electron/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: ['server/widget/client/**', 'node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'server/widget/client/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
