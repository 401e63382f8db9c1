import { defineConfig } from 'vitest/config';

// The packaged-app checks (test/packaging/app): the BUILT main bundle under a stand-in
// `electron`, in the development and the packaged layout. They need dist/ and an electron-builder
// --dir build, so they run after the build step of scripts/test.sh, not with the unit tests.
// One file at a time: each starts main processes and a backend on a shared 2-core machine.
export default defineConfig({
  test: {
    name: 'packaging',
    environment: 'node',
    include: ['test/packaging/app/**/*.test.ts'],
    globalSetup: ['test/packaging/app/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
