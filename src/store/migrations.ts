/**
 * Numbered migrations, applied in order, each once, each recorded in `ovola_migrations`.
 * Never edit a migration that has shipped: add the next number.
 *
 * The SQL is shared by both dialects; the few spellings that differ come from `Ddl`.
 * The whole run is one transaction (both SQLite and PostgreSQL have transactional DDL), taken
 * under a lock, so two processes starting at once neither race nor half-migrate.
 */
import { sql, type Kysely } from 'kysely';
import type { Ddl, SqlBackend } from './dialects.js';
import { MIGRATIONS_TABLE, type Database } from './schema.js';

export interface Migration {
  version: number;
  name: string;
  up(ddl: Ddl): string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    up: ({ key, float }) => [
      `create table scenarios (
        id ${key} primary key,
        parent_id ${key},
        name text not null,
        created_at ${key} not null,
        summary text not null,
        regions text not null,
        body text not null
      )`,
      // newest-first paging by (created_at, id)
      `create index scenarios_created on scenarios (created_at, id)`,
      `create table scenario_regions (
        scenario_id ${key} not null references scenarios (id) on delete cascade,
        region ${key} not null,
        primary key (scenario_id, region)
      )`,
      `create index scenario_regions_region on scenario_regions (region, scenario_id)`,
      `create table solutions (
        id ${key} primary key,
        scenario_id ${key} not null references scenarios (id) on delete cascade,
        created_at ${key} not null,
        published_for ${key},
        body text not null
      )`,
      `create index solutions_scenario on solutions (scenario_id)`,
      // at most one solution in force per region; also the index for listPublished
      `create unique index solutions_published on solutions (published_for) where published_for is not null`,
      `create table jobs (
        id ${key} primary key,
        kind text not null,
        scenario_id ${key} not null references scenarios (id) on delete cascade,
        status text not null,
        progress ${float} not null,
        phase text not null,
        params text not null,
        solution_id ${key} references solutions (id) on delete set null,
        error text,
        created_at ${key} not null,
        updated_at ${key} not null
      )`,
      `create index jobs_scenario on jobs (scenario_id)`,
      `create index jobs_solution on jobs (solution_id)`,
      `create index jobs_status on jobs (status)`,
      `create table api_keys (
        id ${key} primary key,
        scope text not null,
        label text not null,
        key_hash ${key} not null unique,
        created_at ${key} not null
      )`,
    ],
  },
  {
    version: 2,
    name: 'calendars',
    up: ({ key }) => [
      `create table calendars (
        id ${key} primary key,
        solution_id ${key} not null references solutions (id) on delete cascade,
        scenario_id ${key} not null references scenarios (id) on delete cascade,
        year integer not null,
        months text not null,
        provisional integer not null,
        created_at ${key} not null,
        body text not null
      )`,
      // a solution's calendars newest first; also the newest one for the public look-up
      `create index calendars_solution on calendars (solution_id, created_at, id)`,
      `create index calendars_scenario on calendars (scenario_id)`,
      // the official holiday table of a year, loaded by an admin; replaces the computed one
      `create table holiday_tables (
        year integer primary key,
        body text not null,
        updated_at ${key} not null
      )`,
      // a calendar job's result, as solution_id is a solve job's
      `alter table jobs add column calendar_id ${key} references calendars (id) on delete set null`,
    ],
  },
  {
    version: 3,
    name: 'calendar parts',
    // A calendar's document in parts of about 2 MB (see parts.ts), so no single write, read or commit of
    // a province's 130 MB holds the event loop. The parts are written before the calendar's row (each
    // in a commit of its own), so they do not reference it; the store deletes them with their calendar.
    up: ({ key }) => [
      `create table calendar_parts (
        calendar_id ${key} not null,
        seq integer not null,
        body text not null,
        primary key (calendar_id, seq)
      )`,
      `insert into calendar_parts (calendar_id, seq, body) select id, 0, body from calendars`,
      `update calendars set body = ''`,
    ],
  },
];

/** Applies pending migrations; returns the versions it applied (empty when up to date). */
export async function runMigrations(backend: SqlBackend, now: () => string): Promise<number[]> {
  return backend.db.transaction().execute(async (trx) => {
    await backend.beginMigration(trx);
    await sql
      .raw(
        `create table if not exists ${MIGRATIONS_TABLE} (
          version integer primary key,
          name text not null,
          applied_at text not null
        )`,
      )
      .execute(trx);
    const done = new Set(await appliedVersions(trx));
    const known = Math.max(...MIGRATIONS.map((m) => m.version));
    const newest = Math.max(0, ...done);
    if (newest > known) {
      throw new Error(`the database is at schema version ${newest}, newer than this ovola knows (${known}); upgrade ovola`);
    }
    const applied: number[] = [];
    for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      for (const statement of m.up(backend.ddl)) await sql.raw(statement).execute(trx);
      await trx.insertInto(MIGRATIONS_TABLE).values({ version: m.version, name: m.name, applied_at: now() }).execute();
      applied.push(m.version);
    }
    return applied;
  });
}

export async function appliedVersions(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom(MIGRATIONS_TABLE).select('version').orderBy('version').execute();
  return rows.map((r) => Number(r.version));
}
