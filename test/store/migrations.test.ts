/**
 * Kysely's Migrator runs ovola's migrations: an old database (versions in `ovola_migrations`, from the
 * runner before it) opens without re-running anything, several processes migrating at once do it once,
 * a failing migration leaves the database as it was and says which one failed, a newer database is refused.
 * SQLite in a temp file always; PostgreSQL (a schema per test) when DATABASE_URL is set.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { createStore, type StoreOptions } from '../../src/store/index.js';
import { openPostgres, openSqlite, type Ddl, type SqlBackend } from '../../src/store/dialects.js';
import { appliedVersions, MIGRATIONS, runMigrations, type Migration } from '../../src/store/migrations.js';
import { DATABASE_URL, dropSchema } from '../fixtures/store.js';

interface Place {
  options: StoreOptions;
  ddl: Ddl;
  /** runs statements on the raw database, outside ovola's code */
  exec(statements: string[]): Promise<void>;
  backend(): SqlBackend;
  cleanup(): Promise<void>;
}

const places: { name: string; make: () => Place }[] = [
  {
    name: 'sqlite file',
    make: () => {
      const dir = mkdtempSync(join(tmpdir(), 'ovola-migrate-'));
      const path = join(dir, 'ovola.db');
      return {
        options: { sqlitePath: path },
        ddl: { key: 'TEXT', float: 'REAL' },
        async exec(statements) {
          mkdirSync(dirname(path), { recursive: true });
          const raw = new BetterSqlite3(path);
          try {
            for (const q of statements) raw.exec(q);
          } finally {
            raw.close();
          }
        },
        backend: () => openSqlite({ path }),
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];
if (DATABASE_URL) {
  const url = DATABASE_URL;
  places.push({
    name: 'postgres',
    make: () => {
      const schema = `ovola_migr_${process.pid}_${randomBytes(6).toString('hex')}`;
      return {
        options: { databaseUrl: url, schema, poolSize: 4 },
        ddl: { key: 'TEXT COLLATE "C"', float: 'DOUBLE PRECISION' },
        async exec(statements) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            await client.query(`create schema if not exists "${schema}"`);
            await client.query(`set search_path to "${schema}"`);
            for (const q of statements) await client.query(q);
          } finally {
            await client.end();
          }
        },
        backend: () => openPostgres({ url, schema, poolSize: 4 }),
        cleanup: () => dropSchema(schema),
      };
    },
  });
}

/** The layout the old runner left at `version`, with a scenario, a solution, a calendar (body in its part). */
function legacyAt(ddl: Ddl, version: number): string[] {
  const statements = MIGRATIONS.filter((m) => m.version <= version).flatMap((m) => m.up(ddl));
  return [
    ...statements,
    `create table ovola_migrations (version integer primary key, name text not null, applied_at text not null)`,
    ...MIGRATIONS.filter((m) => m.version <= version).map(
      (m) => `insert into ovola_migrations values (${m.version}, '${m.name}', '2025-0${m.version}-01T00:00:00.000Z')`,
    ),
    `insert into scenarios (id, parent_id, name, created_at, summary, regions, body)
      values ('S1', null, 'old', '2025-01-01T00:00:00.000Z', '{}', '["4401"]', '{"old":true}')`,
    `insert into solutions (id, scenario_id, created_at, published_for, body) values ('P1', 'S1', '2025-01-01T00:00:01.000Z', null, '{}')`,
    ...(version >= 3
      ? [
          `insert into calendars (id, solution_id, scenario_id, year, months, provisional, created_at, body)
            values ('C1', 'P1', 'S1', 2025, '["2025-01"]', 0, '2025-01-01T00:00:02.000Z', '')`,
          `insert into calendar_parts (calendar_id, seq, body) values ('C1', 0, '{"calendar":1}')`,
        ]
      : []),
  ];
}

function runProcess(options: StoreOptions, tag: string): Promise<string> {
  const script = fileURLToPath(new URL('./store-process.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, JSON.stringify(options), tag],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)), timeout: 60_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${tag}: ${err.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

const ALL = MIGRATIONS.map((m) => m.version);

describe.each(places)('migrations on $name', ({ make }) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  function place(): Place {
    const p = make();
    cleanups.push(() => p.cleanup());
    return p;
  }
  function backendOf(p: Place): SqlBackend {
    const b = p.backend();
    cleanups.push(() => b.close());
    return b;
  }

  test('an old database at version 3 opens: 1–3 are not run again, 4 and 5 are, its data is kept', async () => {
    const p = place();
    await p.exec(legacyAt(p.ddl, 3));
    const b = backendOf(p);
    expect(await runMigrations(b)).toEqual([4, 5]);
    expect(await appliedVersions(b.db)).toEqual(ALL);
    // migration 3 copies calendar bodies into parts: run again, it would have failed on C1's part
    const parts = await sql<{ body: string }>`select body from calendar_parts where calendar_id = 'C1'`.execute(b.db);
    expect(parts.rows.map((r) => r.body)).toEqual(['{"calendar":1}']);
    // the old versions keep the times they were applied; the old table is kept aside under another name
    const recorded = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name`.execute(b.db);
    expect(recorded.rows.slice(0, 3)).toEqual([
      { name: '0001_initial', timestamp: '2025-01-01T00:00:00.000Z' },
      { name: '0002_calendars', timestamp: '2025-02-01T00:00:00.000Z' },
      { name: '0003_calendar_parts', timestamp: '2025-03-01T00:00:00.000Z' },
    ]);
    const legacy = await sql<{ version: number }>`select version from ovola_migrations_legacy order by version`.execute(b.db);
    expect(legacy.rows.map((r) => Number(r.version))).toEqual([1, 2, 3]);
    expect(await runMigrations(b)).toEqual([]);

    // and as a user of the store sees it
    const store = createStore(p.options);
    cleanups.push(() => store.close());
    await store.migrate();
    expect(await store.appliedMigrations()).toEqual(ALL);
    expect(await store.getScenarioBody('S1')).toBe('{"old":true}');
    expect(await store.getCalendarBody('C1')).toBe('{"calendar":1}');
  });

  test('an old database at the newest version only changes its bookkeeping', async () => {
    const p = place();
    await p.exec(legacyAt(p.ddl, 5));
    const b = backendOf(p);
    expect(await runMigrations(b)).toEqual([]);
    expect(await appliedVersions(b.db)).toEqual(ALL);
  });

  test('three processes opening an old database at once upgrade it once and all carry on', async () => {
    const p = place();
    await p.exec(legacyAt(p.ddl, 1));
    await Promise.all(['a', 'b', 'c'].map((tag) => runProcess(p.options, tag)));
    const b = backendOf(p);
    expect(await appliedVersions(b.db)).toEqual(ALL);
    const scenarios = await sql<{ id: string }>`select id from scenarios order by id`.execute(b.db);
    expect(scenarios.rows.map((r) => r.id)).toEqual(['S-a', 'S-b', 'S-c', 'S1']);
  });

  test('a failing migration applies nothing of the run and names itself', async () => {
    const p = place();
    const b = backendOf(p);
    expect(await runMigrations(b)).toEqual(ALL);
    const next: Migration[] = [
      ...MIGRATIONS,
      { version: 6, name: 'fine', up: () => ['create table six (a text)', `insert into six values ('x')`] },
      { version: 7, name: 'broken', up: () => ['create table seven (a text)', 'select * from no_such_table'] },
    ];
    await expect(runMigrations(b, next)).rejects.toThrow(/migration 0007_broken failed, nothing applied: .*no_such_table/);
    expect(await appliedVersions(b.db)).toEqual(ALL);
    await expect(sql`select * from six`.execute(b.db)).rejects.toThrow(/six/);
    // fixed, it runs
    next[6] = { version: 7, name: 'broken', up: () => ['create table seven (a text)'] };
    expect(await runMigrations(b, next)).toEqual([6, 7]);
  });

  test('a database newer than this ovola is refused, old runner or new', async () => {
    const p = place();
    await p.exec(legacyAt(p.ddl, 1).concat([`insert into ovola_migrations values (9, 'future', '2025-09-01T00:00:00.000Z')`]));
    const b = backendOf(p);
    await expect(runMigrations(b)).rejects.toThrow(/schema version 9, newer than this ovola knows \(5\); upgrade ovola/);

    const q = place();
    const c = backendOf(q);
    await runMigrations(c);
    await sql`insert into kysely_migration (name, timestamp) values ('0012_future', '2030-01-01T00:00:00.000Z')`.execute(c.db);
    await expect(runMigrations(c)).rejects.toThrow(/schema version 0012_future, newer than this ovola knows \(5\)/);
  });
});
