/**
 * Global setup of the `postgres` test project: one real PostgreSQL for the whole run (Debian's,
 * on a temp folder and a free port, or KEFU_TEST_DATABASE_URL's server) and a template database
 * with the schema applied, so each test server gets a fresh copy in one statement.
 */
import type { TestProject } from 'vitest/node';
import { openPostgresStore } from '../store/postgres/store.js';
import { startPostgres } from './engines/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // fsync off: a test database is thrown away, and the suite should not wait for the disk.
  const server = await startPostgres({ settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } });
  const templateUrl = await server.createDatabase('kefu_template');
  openPostgresStore(templateUrl).close();
  project.provide('postgresAdminUrl', server.url('postgres'));
  project.provide('postgresTemplate', new URL(templateUrl).pathname.slice(1));
  return async () => {
    await server.dropDatabase(templateUrl);
    await server.stop();
  };
}
