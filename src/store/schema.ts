/**
 * Table shapes as Kysely sees them. The same on both dialects: every column is TEXT except
 * `progress` (a float) and the integers (the migration version, a calendar's `year` and
 * `provisional` 0/1, a holiday table's `year`). JSON documents (scenario, solution, calendar and
 * holiday bodies, summaries, job params, region and month lists) are kept as text, never parsed
 * by the database; timestamps are ISO-8601 UTC strings with milliseconds, written by the store.
 */

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface ScenariosTable {
  id: string;
  parent_id: string | null;
  name: string;
  created_at: string;
  /** JSON */
  summary: string;
  /** JSON array of region codes, in the caller's order (the join table is for filtering) */
  regions: string;
  /** the scenario document, JSON text */
  body: string;
}

export interface ScenarioRegionsTable {
  scenario_id: string;
  region: string;
}

export interface SolutionsTable {
  id: string;
  scenario_id: string;
  created_at: string;
  published_for: string | null;
  /** the solution document, JSON text */
  body: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  scenario_id: string;
  status: string;
  progress: number;
  phase: string;
  /** JSON */
  params: string;
  solution_id: string | null;
  /** a calendar job's result (migration 2) */
  calendar_id: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface CalendarsTable {
  id: string;
  solution_id: string;
  scenario_id: string;
  year: number;
  /** JSON array of `YYYY-MM` */
  months: string;
  /** 0 or 1: the year's holidays were computed, not an official table */
  provisional: number;
  created_at: string;
  /** empty since migration 3: the document is in `calendar_parts` */
  body: string;
}

/** A calendar document (ovola.calendar/v1, JSON text) in parts: their bodies joined in `seq` order (migration 3). */
export interface CalendarPartsTable {
  calendar_id: string;
  seq: number;
  body: string;
}

export interface HolidayTablesTable {
  year: number;
  /** the official table (ovola.holidays/v1), JSON text */
  body: string;
  updated_at: string;
}

export interface ApiKeysTable {
  id: string;
  scope: string;
  label: string;
  key_hash: string;
  created_at: string;
}

export interface Database {
  ovola_migrations: MigrationsTable;
  scenarios: ScenariosTable;
  scenario_regions: ScenarioRegionsTable;
  solutions: SolutionsTable;
  jobs: JobsTable;
  calendars: CalendarsTable;
  calendar_parts: CalendarPartsTable;
  holiday_tables: HolidayTablesTable;
  api_keys: ApiKeysTable;
}

export const MIGRATIONS_TABLE = 'ovola_migrations';
