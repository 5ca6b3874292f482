/**
 * `createStore`: PostgreSQL when a database URL is given, otherwise an embedded SQLite file.
 * Only entry points read the environment (`DATABASE_URL`, …) and pass the values in here.
 */
import { openPostgres, openSqlite, type DialectName } from './dialects.js';
import { SqlStore } from './sql-store.js';
import type { Store } from './types.js';

export type { ApiKeyRecord, AuditQuery, AuditRecord, CalendarRecord, DocumentText, HolidayTableRecord, JobRecord, JobStatus, Page, NewAuditRecord, ScenarioRecord, SolutionRecord, Store } from './types.js';
export { StoreError, isStoreError, type StoreErrorCode } from './errors.js';
export { MIGRATIONS } from './migrations.js';

export const DEFAULT_SQLITE_PATH = 'var/ovola.db';

export interface StoreOptions {
  /** `postgres://…`: use PostgreSQL */
  databaseUrl?: string;
  /** SQLite file (default `var/ovola.db`, folder created) or `:memory:`; ignored with `databaseUrl` */
  sqlitePath?: string;
  /** PostgreSQL only: keep the tables in this schema (created by `migrate()`), e.g. one per test run */
  schema?: string;
  /** PostgreSQL only: pool size (default 10) */
  poolSize?: number;
  /** the clock for createdAt / updatedAt (tests) */
  now?: () => Date;
}

/** A `Store` plus what operators and tests may want to know about it. */
export interface SqlStoreHandle extends Store {
  readonly dialect: DialectName;
  /** migration versions recorded in the database, ascending */
  appliedMigrations(): Promise<number[]>;
}

/** Opens the store; call `migrate()` before use and `close()` at the end. */
export function createStore(opts: StoreOptions = {}): SqlStoreHandle {
  const backend = opts.databaseUrl
    ? openPostgres({ url: opts.databaseUrl, schema: opts.schema, poolSize: opts.poolSize })
    : openSqlite({ path: opts.sqlitePath ?? DEFAULT_SQLITE_PATH });
  return new SqlStore(backend, opts.now);
}
