/**
 * Everything that differs between SQLite and PostgreSQL lives here: opening the connection,
 * a few DDL spellings, locks, and recognising constraint errors. The repository and the
 * migrations are written once against Kysely.
 */
import { chmodSync, closeSync, constants, existsSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DialectAdapter,
  sql,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { StoreErrorCode } from './errors.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** Spellings the migrations need per dialect. */
export interface Ddl {
  /** TEXT compared in byte order (keys, timestamps), so ORDER BY and cursors agree on both dialects */
  key: string;
  /** a float column */
  float: string;
}

export interface SqlBackend {
  readonly name: DialectName;
  readonly db: Kysely<Database>;
  readonly ddl: Ddl;
  /** First thing in the transaction before Kysely's Migrator runs: serialise concurrent migrators, create the schema if asked. */
  beginMigration(trx: Transaction<Database>): Promise<void>;
  /** Inside the publish transaction: serialise publishers so "one in force per region" never races. */
  lockPublish(trx: Transaction<Database>): Promise<void>;
  /** Maps a driver error to a store error code: a constraint we expect, bad text, or the database not answering. */
  classify(err: unknown): StoreErrorCode | undefined;
  /** Ends the pool / closes the file; safe to call twice. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// SQLite

export interface SqliteOptions {
  /** file path, or `:memory:`; the folder is created */
  path: string;
  /** ms to wait for another process's write lock (default 5000) */
  busyTimeoutMs?: number;
}

/**
 * Kysely's SQLite driver opens transactions with a plain (deferred) `begin`; a deferred
 * transaction that reads before it writes fails at once with SQLITE_BUSY when another process
 * wrote in between, busy timeout or not. `begin immediate` takes the write lock up front, so a
 * second process (the CLI next to the server) waits for its turn instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite has transactional DDL, but Kysely's adapter says it has not, so its Migrator would run each
 * migration on its own, without a transaction or a lock. Said here, the Migrator runs them all in one
 * transaction, begun `immediate` (above): the write lock serialises migrating processes, a failure rolls back.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * The database holds key hashes and every bureau's plans: only its owner may read it. A new file is
 * created 0600 before SQLite opens it (SQLite gives its `-wal` and `-shm` files the database's mode),
 * in a folder made 0700 when ovola makes it. An existing file keeps the mode its operator gave it.
 */
function createPrivately(path: string): boolean {
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  try {
    closeSync(openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  chmodSync(path, 0o600); // whatever the umask
  return true;
}

export function openSqlite(opts: SqliteOptions): SqlBackend {
  const memory = opts.path === ':memory:' || opts.path === '';
  const created = !memory && createPrivately(opts.path);
  const raw = new BetterSqlite3(opts.path);
  let checkpointer: Checkpointer | undefined;
  try {
    raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 5000))}`);
    if (!memory) {
      raw.pragma('journal_mode = WAL');
      // safe with WAL: a power cut may lose the last commits, never corrupt the file
      raw.pragma('synchronous = NORMAL');
      // SQLite copies the database's mode to these; said again for a file made by another path
      if (created) for (const sibling of [`${opts.path}-wal`, `${opts.path}-shm`]) if (existsSync(sibling)) chmodSync(sibling, 0o600);
      checkpointer = startCheckpointer(raw, resolve(opts.path));
    }
    raw.pragma('foreign_keys = ON');
  } catch (err) {
    raw.close();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
  let closing: Promise<void> | undefined;
  return {
    name: 'sqlite',
    db,
    ddl: { key: 'TEXT', float: 'REAL' },
    // begin immediate already holds the only write lock
    beginMigration: async () => {},
    lockPublish: async () => {},
    classify(err) {
      const code = (err as { code?: unknown } | null)?.code;
      // better-sqlite3 on a closed handle: "The database connection is not open"
      if (err instanceof TypeError && /connection is not open/.test(err.message)) return 'unavailable';
      if (typeof code !== 'string') return undefined;
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return 'conflict';
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'not_found';
      // another process held the lock past the busy timeout; the file cannot be opened, read or written
      if (/^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY)/.test(code)) return 'unavailable';
      return undefined;
    },
    close() {
      closing ??= (async () => {
        try {
          await checkpointer?.stop();
          await db.destroy();
        } finally {
          if (raw.open) raw.close();
        }
      })();
      return closing;
    },
  };
}

interface Checkpointer {
  stop(): Promise<void>;
}

/** The WAL size (pages) past which the writing connection checkpoints itself, should the thread below not keep up. */
const FALLBACK_AUTOCHECKPOINT = 16_384;

/**
 * SQLite's WAL checkpoints in a thread of its own, with a connection of its own: by default the commit that
 * takes the log past 1,000 pages copies them into the database file and syncs it, on the event loop
 * (30-70 ms on a shared machine, several times during a province's upload). Here a PASSIVE checkpoint runs
 * every 200 ms beside the writer, which is left to checkpoint itself only past FALLBACK_AUTOCHECKPOINT pages
 * (or at 1,000 again if the thread cannot run).
 */
function startCheckpointer(raw: BetterSqlite3.Database, path: string): Checkpointer | undefined {
  let worker: Worker;
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver, path, everyMs: 200 } });
  } catch {
    return undefined;
  }
  worker.unref();
  raw.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT}`);
  const fallBack = () => {
    if (raw.open) raw.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('error', fallBack);
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  return {
    async stop() {
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 2_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy or gone: the next turn tries again
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

// ---------------------------------------------------------------------------------------------
// PostgreSQL

export interface PostgresOptions {
  /** `postgres://user@host:port/db` */
  url: string;
  /**
   * Schema to keep the tables in (created by `migrate()` if missing); set as the connections'
   * search_path. Default: the server's search_path (normally `public`).
   */
  schema?: string;
  /** pool size (default 10) */
  poolSize?: number;
  /** ms to wait for a connection before failing (default 10000) */
  connectTimeoutMs?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** advisory lock keys (arbitrary constants, "ovola" + purpose) */
const LOCK_MIGRATE = 0x6f766f6c61_01;
const LOCK_PUBLISH = 0x6f766f6c61_02;

export function openPostgres(opts: PostgresOptions): SqlBackend {
  const schema = opts.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`);
  }
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
    application_name: 'ovola',
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection (server restart) emits 'error' on the pool; without a
  // listener that would crash the process. The next query fails instead, and ping() says false.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return {
    name: 'postgres',
    db,
    ddl: { key: 'TEXT COLLATE "C"', float: 'DOUBLE PRECISION' },
    async beginMigration(trx) {
      await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_MIGRATE)})`.execute(trx);
      if (schema) await sql.raw(`create schema if not exists "${schema}"`).execute(trx);
    },
    async lockPublish(trx) {
      await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_PUBLISH)})`.execute(trx);
    },
    classify(err) {
      const code = (err as { code?: unknown } | null)?.code;
      if (code === '23505') return 'conflict'; // unique_violation
      if (code === '23503') return 'not_found'; // foreign_key_violation
      if (code === '22021' || code === '22P05') return 'invalid_input'; // a NUL or other character UTF-8 text in PostgreSQL cannot hold
      return postgresUnavailable(err) ? 'unavailable' : undefined;
    },
    close() {
      closing ??= (async () => {
        try {
          await db.destroy();
        } finally {
          if (!pool.ended) await pool.end();
        }
      })();
      return closing;
    },
  };
}

/** Network errors of the socket to the database server. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);

/**
 * Does this error say the database does not answer (rather than that the query was wrong)? A refused or
 * lost connection, the server shutting down or starting (57P01–57P03), too many connections (53300), a
 * connection exception (class 08), the pool's wait for a connection timing out, the pool or driver ended.
 */
export function postgresUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (NETWORK.has(code) || /^57P0[123]$/.test(code) || code === '53300' || code.startsWith('08'))) return true;
  const message = err instanceof Error ? err.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|connection error and is not queryable|Cannot use a pool after calling end|driver has already been destroyed|Client was closed and is not queryable/i.test(message);
}
