/**
 * Table shapes as Kysely sees them. The same on both dialects: every column is TEXT except
 * `progress` (a float) and the integers (a calendar's `year` and
 * `provisional` 0/1, a holiday table's `year`). JSON documents (scenario, solution, calendar and
 * holiday bodies, summaries, job params, region and month lists) are kept as text, never parsed
 * by the database; timestamps are ISO-8601 UTC strings with milliseconds, written by the store.
 */

export interface ScenariosTable {
  id: string;
  parent_id: string | null;
  name: string;
  created_at: string;
  /** JSON */
  summary: string;
  /** JSON array of region codes, in the caller's order (the join table is for filtering) */
  regions: string;
  /** the scenario document, JSON text; empty when it is in `scenario_parts` */
  body: string;
  /** how many parts the document has in `scenario_parts` (migration 5); 0: it is `body` */
  parts: number;
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
  /** the solution document, JSON text; empty when it is in `solution_parts` */
  body: string;
  /** how many parts the document has in `solution_parts` (migration 5); 0: it is `body` */
  parts: number;
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
  /** the key that submitted the job (migration 4) */
  key_id: string | null;
  /** that key's scope, e.g. `county:449021` (migration 4) */
  scope: string | null;
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
  /** the region it was built for (migration 4); null: the whole solution */
  scope: string | null;
}

/** A calendar document (ovola.calendar/v1, JSON text) in parts: their bodies joined in `seq` order (migration 3). */
export interface CalendarPartsTable {
  calendar_id: string;
  seq: number;
  body: string;
}

/** A scenario document in parts: their bodies joined in `seq` order (migration 5). */
export interface ScenarioPartsTable {
  scenario_id: string;
  seq: number;
  body: string;
}

/** A solution document in parts (migration 5). */
export interface SolutionPartsTable {
  solution_id: string;
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
  /** migration 4 */
  last_used_at: string | null;
  /** migration 4: a revoked key authenticates no request */
  revoked_at: string | null;
}

/** The divisions registry as loaded (migration 4): one row, `name` = 'current'. */
export interface DivisionsTable {
  name: string;
  /** the ovola.divisions/v1 document, JSON text */
  body: string;
  loaded_at: string;
  loaded_by: string;
}

export interface DivisionRegionsTable {
  id: string;
  level: string;
  parent_id: string | null;
  name: string;
  county_id: string | null;
  city_id: string | null;
}

export interface DivisionVillagesTable {
  id: string;
  name: string;
  town_id: string;
  county_id: string;
  city_id: string | null;
}

/** Villages claimed by the county that first published them, where no registry says (migration 4). */
export interface VillageOwnersTable {
  village_id: string;
  county_id: string;
  city_id: string | null;
  claimed_at: string;
  claimed_by: string;
}

/** The solution whose plan a village's public card shows (migration 4). */
export interface PublicationsTable {
  village_id: string;
  solution_id: string;
  county_id: string | null;
  city_id: string | null;
  published_at: string;
  /** the bureau the card names as its publisher */
  publisher: string;
  key_id: string | null;
  key_label: string;
}

/** One write through the API or the CLI (migration 4). */
export interface AuditTable {
  id: string;
  at: string;
  key_id: string | null;
  key_label: string | null;
  scope: string | null;
  method: string;
  route: string;
  target: string | null;
  region: string | null;
  status: number;
  detail: string | null;
}

export interface Database {
  scenarios: ScenariosTable;
  scenario_regions: ScenarioRegionsTable;
  solutions: SolutionsTable;
  jobs: JobsTable;
  calendars: CalendarsTable;
  calendar_parts: CalendarPartsTable;
  scenario_parts: ScenarioPartsTable;
  solution_parts: SolutionPartsTable;
  holiday_tables: HolidayTablesTable;
  api_keys: ApiKeysTable;
  divisions: DivisionsTable;
  division_regions: DivisionRegionsTable;
  division_villages: DivisionVillagesTable;
  village_owners: VillageOwnersTable;
  publications: PublicationsTable;
  audit: AuditTable;
}
