/**
 * Table shapes as Kysely sees them. The same on both dialects: every column is TEXT except
 * `progress` (a float) and the migration version (an integer). JSON documents (scenario and
 * solution bodies, summaries, job params, region lists) are kept as text, never parsed by the
 * database; timestamps are ISO-8601 UTC strings with milliseconds, written by the store.
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
  error: string | null;
  created_at: string;
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
  api_keys: ApiKeysTable;
}

export const MIGRATIONS_TABLE = 'ovola_migrations';
