import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The server suite again on PostgreSQL (server/testing/test-store.ts): every test server gets a
 * database of its own on one real PostgreSQL the global setup starts. KEFU_TEST_STORES=sqlite
 * leaves it out (a machine without PostgreSQL's server binaries).
 */
const postgresProject: TestProjectInlineConfiguration = {
  test: {
    name: 'postgres',
    environment: 'node',
    include: ['server/**/*.test.ts'],
    // SQLite's own files, and the tests that start their own PostgreSQL (the engines, the PostgreSQL
    // store's own tests, the cluster, the SQLite→PostgreSQL copy) run once, in 'node'.
    exclude: [
      'server/widget/client/**',
      'server/store/sqlite/**',
      'server/store/postgres/**',
      'server/testing/engines/**',
      'server/cluster/**',
      'server/tools/**',
      'node_modules/**',
    ],
    env: { KEFU_TEST_STORE: 'postgres' },
    globalSetup: ['server/testing/pg-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
};
const stores = (process.env.KEFU_TEST_STORES ?? 'sqlite,postgres').split(',');

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
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'admin/**/*.test.ts', 'admin/**/*.test.tsx', 'server/widget/client/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      ...(stores.includes('postgres') ? [postgresProject] : []),
    ],
  },
});
