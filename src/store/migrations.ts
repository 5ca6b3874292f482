/**
 * Numbered migrations, applied in order, each once, by Kysely's `Migrator` (recorded in its
 * `kysely_migration` table under the name `0001_initial`, …). Never edit a migration that has
 * shipped: add the next number.
 *
 * The SQL is shared by both dialects; the few spellings that differ come from `Ddl`.
 * The Migrator runs all pending migrations in one transaction (both SQLite and PostgreSQL have
 * transactional DDL; see `dialects.ts` for SQLite's), under a lock — PostgreSQL: Kysely's advisory
 * lock; SQLite: the `begin immediate` write lock — so two processes starting at once neither race
 * nor half-migrate, and a failing migration leaves the database as it was.
 *
 * Databases made before the Migrator recorded their versions in `ovola_migrations` (version, name,
 * applied_at). The first run of this code copies those into `kysely_migration` and renames the old
 * table `ovola_migrations_legacy`, so nothing re-runs (and an ovola from before refuses the database
 * loudly instead of reading a schema it does not know).
 */
import { Migrator, sql, type Kysely, type Migration as KyselyMigration, type MigrationProvider } from 'kysely';
import type { Ddl, SqlBackend } from './dialects.js';
import type { Database } from './schema.js';

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
  {
    version: 4,
    name: 'tenancy',
    // Who owns a village's public card, which solution supplies each card, the divisions registry, keys
    // that can be revoked, who submitted a job, the region a calendar was built for, and the audit trail.
    up: ({ key }) => [
      // the divisions registry (ovola.divisions/v1) as loaded, one row; its regions and villages indexed below
      `create table divisions (
        name ${key} primary key,
        body text not null,
        loaded_at ${key} not null,
        loaded_by text not null
      )`,
      `create table division_regions (
        id ${key} primary key,
        level text not null,
        parent_id ${key},
        name text not null,
        county_id ${key},
        city_id ${key}
      )`,
      `create table division_villages (
        id ${key} primary key,
        name text not null,
        town_id ${key} not null,
        county_id ${key} not null,
        city_id ${key}
      )`,
      // without a registry (or for a village it does not list), the county that first published the village owns it
      `create table village_owners (
        village_id ${key} primary key,
        county_id ${key} not null,
        city_id ${key},
        claimed_at ${key} not null,
        claimed_by text not null
      )`,
      // the solution in force for each village's public card, and who published it when
      `create table publications (
        village_id ${key} primary key,
        solution_id ${key} not null references solutions (id) on delete cascade,
        county_id ${key},
        city_id ${key},
        published_at ${key} not null,
        publisher text not null,
        key_id ${key},
        key_label text not null
      )`,
      `create index publications_solution on publications (solution_id)`,
      `alter table api_keys add column last_used_at ${key}`,
      `alter table api_keys add column revoked_at ${key}`,
      // who submitted a job: the key (per-key queue limits) and its scope (who may cancel it)
      `alter table jobs add column key_id ${key}`,
      `alter table jobs add column scope text`,
      // the region a calendar was built for (a county key builds its county's); null: the whole solution
      `alter table calendars add column scope ${key}`,
      `create table audit (
        id ${key} primary key,
        at ${key} not null,
        key_id ${key},
        key_label text,
        scope text,
        method text not null,
        route text not null,
        target text,
        region ${key},
        status integer not null,
        detail text
      )`,
      `create index audit_at on audit (at, id)`,
      `create index audit_region on audit (region, at, id)`,
    ],
  },
  {
    version: 5,
    name: 'document parts',
    // A scenario's or solution's document in parts of 64 k characters (see parts.ts): a province's 7 MB
    // written or read in one statement holds the event loop for 60–250 ms on SQLite. As for calendars,
    // the parts are written before their row, each in a commit of its own; `parts` counts them (0: the
    // document is in `body`, as every one stored before).
    up: ({ key }) => [
      `create table scenario_parts (
        scenario_id ${key} not null,
        seq integer not null,
        body text not null,
        primary key (scenario_id, seq)
      )`,
      `create table solution_parts (
        solution_id ${key} not null,
        seq integer not null,
        body text not null,
        primary key (solution_id, seq)
      )`,
      `alter table scenarios add column parts integer not null default 0`,
      `alter table solutions add column parts integer not null default 0`,
    ],
  },
];

/** The old runner's version table, and what it is renamed to once copied. */
export const LEGACY_MIGRATIONS_TABLE = 'ovola_migrations';
const LEGACY_RENAMED = 'ovola_migrations_legacy';
/** Kysely's defaults, named here because the legacy copy writes into the first. */
const KYSELY_MIGRATION_TABLE = 'kysely_migration';

/** The Migrator's name of a migration: the zero-padded version first, so name order is version order. */
export function migrationName(m: Pick<Migration, 'version' | 'name'>): string {
  return `${String(m.version).padStart(4, '0')}_${m.name.trim().replace(/\s+/g, '_')}`;
}

function versionOf(name: string): number {
  return Number(/^(\d+)_/.exec(name)?.[1] ?? NaN);
}

/** Our migrations as Kysely's, in code (no files to find at run time). */
export function migrationProvider(ddl: Ddl, migrations: readonly Migration[] = MIGRATIONS): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, KyselyMigration> = {};
      for (const m of migrations) {
        out[migrationName(m)] = {
          async up(db) {
            for (const statement of m.up(ddl)) await sql.raw(statement).execute(db);
          },
        };
      }
      return out;
    },
  };
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Applies pending migrations; returns the versions it applied (empty when up to date). */
export async function runMigrations(backend: SqlBackend, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const schema = await adoptLegacy(backend, migrations);
  const migrator = new Migrator({
    db: backend.db,
    provider: migrationProvider(backend.ddl, migrations),
    // PostgreSQL: Kysely finds its table by name in any schema unless told which
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const why = error instanceof Error ? error.message : String(error);
    throw new MigrationError(failed ? `migration ${failed} failed, nothing applied: ${why}` : `migrating the database failed: ${why}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => versionOf(r.migrationName));
}

/**
 * Under the migration lock, in one transaction: creates the PostgreSQL schema if asked, refuses a database
 * newer than this code, and copies an old runner's versions into `kysely_migration`. Returns the
 * PostgreSQL schema the Migrator's tables go in (undefined on SQLite).
 */
async function adoptLegacy(backend: SqlBackend, migrations: readonly Migration[]): Promise<string | undefined> {
  const known = new Map(migrations.map((m) => [m.version, m]));
  const newest = Math.max(0, ...known.keys());
  const tooNew = (version: string) =>
    new MigrationError(`the database is at schema version ${version}, newer than this ovola knows (${newest}); upgrade ovola`);
  return backend.db.transaction().execute(async (trx) => {
    await backend.beginMigration(trx);
    const schema = backend.name === 'postgres' ? (await sql<{ s: string | null }>`select current_schema() as s`.execute(trx)).rows[0]?.s ?? undefined : undefined;
    const exists = async (table: string) =>
      backend.name === 'postgres'
        ? (await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(trx)).rows[0]?.t != null
        : (await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${table}`.execute(trx)).rows[0]!.n > 0;
    const haveKysely = await exists(KYSELY_MIGRATION_TABLE);
    if (haveKysely) {
      const rows = await sql<{ name: string }>`select name from ${sql.table(KYSELY_MIGRATION_TABLE)}`.execute(trx);
      const unknown = rows.rows.map((r) => r.name).filter((name) => !known.has(versionOf(name))).sort();
      if (unknown.length > 0) throw tooNew(unknown.at(-1)!);
    }
    if (!(await exists(LEGACY_MIGRATIONS_TABLE))) return schema;
    const legacy = (await sql<{ version: number | string; applied_at: string }>`select version, applied_at from ${sql.table(LEGACY_MIGRATIONS_TABLE)} order by version`.execute(trx)).rows;
    const beyond = legacy.map((r) => Number(r.version)).filter((v) => !known.has(v));
    if (beyond.length > 0) throw tooNew(String(Math.max(...beyond)));
    if (!haveKysely) {
      // the shape Kysely's Migrator gives this table (migrator.js, #ensureMigrationTableExists)
      await sql`create table ${sql.table(KYSELY_MIGRATION_TABLE)} (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(trx);
    }
    // Kysely orders executed migrations by timestamp: keep the old ones in version order and not in the future
    const now = new Date().toISOString();
    let last = '';
    for (const row of legacy) {
      const at = Number.isNaN(Date.parse(row.applied_at)) ? now : new Date(row.applied_at).toISOString();
      const capped = at < now ? at : now;
      if (capped > last) last = capped;
      await sql`insert into ${sql.table(KYSELY_MIGRATION_TABLE)} (name, timestamp) values (${migrationName(known.get(Number(row.version))!)}, ${last})
        on conflict (name) do nothing`.execute(trx);
    }
    await sql`alter table ${sql.table(LEGACY_MIGRATIONS_TABLE)} rename to ${sql.table(LEGACY_RENAMED)}`.execute(trx);
    return schema;
  });
}

/** The migration versions recorded in the database, ascending (empty before the first migration). */
export async function appliedVersions(db: Kysely<Database>): Promise<number[]> {
  const rows = await sql<{ name: string }>`select name from ${sql.table(KYSELY_MIGRATION_TABLE)}`.execute(db);
  return rows.rows.map((r) => versionOf(r.name)).sort((a, b) => a - b);
}
