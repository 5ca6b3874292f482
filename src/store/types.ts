import type { RegisteredRegion, RegisteredVillage } from '../domain/divisions.js';

/**
 * What the service keeps: scenarios (immutable, versioned), solutions, visit calendars, jobs,
 * official holiday tables and API keys.
 * One interface, two implementations (SQLite by default, PostgreSQL when DATABASE_URL is set);
 * the same test suite runs against both.
 */

export interface Page<T> {
  items: T[];
  /** pass back as `cursor` for the next page; absent on the last page */
  nextCursor?: string;
}

export interface ScenarioRecord {
  id: string;
  /** the scenario this one was derived from by a change (`POST /v1/scenarios/:id/versions`) */
  parentId: string | null;
  name: string;
  createdAt: string;
  /** counts per city and county, lawyers by status: small, listed without the body */
  summary: unknown;
  /** region codes the scenario covers (cities and counties), for access control by scope */
  regions: string[];
}

export interface SolutionRecord {
  id: string;
  scenarioId: string;
  createdAt: string;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobRecord {
  id: string;
  kind: 'solve' | 'replan' | 'calendar';
  scenarioId: string;
  status: JobStatus;
  progress: number;
  phase: string;
  /** the request that made the job: mode, time limit, weights, changes, scope… */
  params: unknown;
  /** the solution a solve or re-plan job made */
  solutionId: string | null;
  /** the calendar a calendar job made */
  calendarId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  /** the key that submitted it (null for jobs stored before keys were recorded) */
  keyId: string | null;
  /** that key's scope, `admin`, `city:<code>` or `county:<code>` */
  scope: string | null;
}

/** A visit calendar (ovola.calendar/v1) built for a solution; stored only once complete. */
export interface CalendarRecord {
  id: string;
  solutionId: string;
  /** the solution's scenario, for access control by scope */
  scenarioId: string;
  year: number;
  /** the `YYYY-MM` months it covers */
  months: string[];
  /** true when the year's holidays were computed, not taken from an official table */
  provisional: boolean;
  createdAt: string;
  /** the city or county whose villages it covers (a bureau builds its own region's); null: the whole solution */
  scope: string | null;
}

/** An official holiday table (ovola.holidays/v1) for a year, loaded by an admin. */
export interface HolidayTableRecord {
  year: number;
  /** the table as stored (JSON text) */
  body: string;
  updatedAt: string;
}

/** The divisions registry in force: the ovola.divisions/v1 document and who loaded it when. */
export interface DivisionsRecord {
  body: string;
  loadedAt: string;
  loadedBy: string;
  regions: number;
  villages: number;
}

/** Who owns a village's public card: the registry's county, else the county that first published it. */
export interface VillageOwner {
  countyId: string;
  cityId: string | null;
  source: 'registry' | 'claim';
}

/** A village as a publication places it: its county and city by the published scenario. */
export interface PublicationEntry {
  villageId: string;
  countyId?: string;
  cityId?: string;
}

/** Who publishes: the bureau named on the cards, and the key behind it. */
export interface PublicationMeta {
  publisher: string;
  keyId: string | null;
  keyLabel: string;
}

/** What a publication did: the villages whose cards it now supplies, and those it left as they were. */
export interface PublicationOutcome {
  published: string[];
  skipped: { villageId: string; reason: 'owned-elsewhere' | 'out-of-scope' | 'unplaced'; ownerCountyId?: string }[];
}

/** One village's card in force: which solution supplies it, and who published it when. */
export interface PublicationRecord {
  villageId: string;
  solutionId: string;
  scenarioId: string;
  countyId: string | null;
  cityId: string | null;
  publisher: string;
  publishedAt: string;
}

export interface ApiKeyRecord {
  id: string;
  /** `admin`, `city:<code>` or `county:<code>` */
  scope: string;
  label: string;
  createdAt: string;
  /** when a request last authenticated with it (written at most once a minute); null: never used */
  lastUsedAt: string | null;
  /** when it was revoked; a revoked key authenticates no request. null: in force */
  revokedAt: string | null;
}

/** One write through the API (any method but GET and HEAD under /v1/, public routes aside) or the CLI. */
export interface AuditRecord {
  id: string;
  at: string;
  /** the key's id (`env` for OVOLA_ADMIN_KEY, `cli` for the command line); null when no key was accepted */
  keyId: string | null;
  keyLabel: string | null;
  /** the key's scope, `admin`, `city:<code>` or `county:<code>` */
  scope: string | null;
  /** the HTTP method, or `CLI` */
  method: string;
  /** the route's pattern (`/v1/solutions/:id/publish`), or the CLI command (`keys revoke`) */
  route: string;
  /** the record written: the route's id, or what the handler named */
  target: string | null;
  /** the city or county the write concerns, when known */
  region: string | null;
  /** the HTTP status, or the CLI's exit code */
  status: number;
  /** a short note: for a refused write, the problem */
  detail: string | null;
}

export type NewAuditRecord = Omit<AuditRecord, 'id' | 'at'>;

export interface AuditQuery {
  limit: number;
  cursor?: string;
  region?: string;
  /** ISO-8601, inclusive */
  from?: string;
  /** ISO-8601, exclusive */
  to?: string;
  keyId?: string;
}

/**
 * A document to store: whole, or in parts (joined, they are the document; each part a whole number of
 * characters), given as they come: a province's 7 MB is written a part at a time.
 */
export type DocumentText = string | Iterable<string> | AsyncIterable<string>;

export interface Store {
  /** Runs pending migrations; safe to call on every start. */
  migrate(): Promise<void>;
  /** true when the database answers */
  ping(): Promise<boolean>;
  close(): Promise<void>;

  insertScenario(rec: Omit<ScenarioRecord, 'createdAt'>, body: DocumentText): Promise<ScenarioRecord>;
  getScenario(id: string): Promise<ScenarioRecord | undefined>;
  /** the scenario document as stored (JSON text) */
  getScenarioBody(id: string): Promise<string | undefined>;
  /**
   * The scenario document in parts, each read when the iteration reaches it (a turn of the event loop
   * between two; a part deleted meanwhile is StoreError `not_found`). Undefined when there is no such scenario.
   */
  getScenarioParts(id: string): Promise<AsyncIterable<string> | undefined>;
  listScenarios(opts: { limit: number; cursor?: string; regions?: string[] }): Promise<Page<ScenarioRecord>>;
  /** Deletes a scenario with its solutions, calendars and jobs; false if it did not exist. */
  deleteScenario(id: string): Promise<boolean>;

  /** Stores a solution and, in the same transaction, marks its job succeeded. */
  insertSolution(rec: Omit<SolutionRecord, 'createdAt'>, body: DocumentText, jobId?: string): Promise<SolutionRecord>;
  getSolution(id: string): Promise<SolutionRecord | undefined>;
  /** A scenario's solutions, newest first. */
  listSolutions(scenarioId: string): Promise<SolutionRecord[]>;
  getSolutionBody(id: string): Promise<string | undefined>;
  /** The solution document in parts, as getScenarioParts. */
  getSolutionParts(id: string): Promise<AsyncIterable<string> | undefined>;
  /**
   * Solutions published before cards were published village by village (schema version < 4): each with the
   * region it was in force for. The service publishes their villages again and then clears the mark.
   */
  listLegacyPublished(): Promise<(SolutionRecord & { region: string })[]>;
  clearLegacyPublished(id: string): Promise<void>;

  /**
   * Publishes `solutionId` for `entries`, in one transaction: a village whose owner (the registry's county,
   * else the county that claimed it) is another county than the entry's is skipped, as is one whose owner
   * (or, unowned, the entry's own place) `may` refuses; an unowned village is claimed for the entry's
   * county. The rest now show this solution's plan. `not_found` when there is no such solution.
   * With `dryRun`, decides the same under the same lock and writes nothing: what publishing would do now.
   */
  publishVillages(
    solutionId: string,
    entries: readonly PublicationEntry[],
    meta: PublicationMeta,
    may: (owner: { countyId: string; cityId: string | null }) => boolean,
    opts?: { dryRun?: boolean },
  ): Promise<PublicationOutcome>;
  /** Withdraws the cards this solution supplies whose place `may` allows; returns the villages withdrawn. */
  unpublishVillages(solutionId: string, may: (place: { countyId: string | null; cityId: string | null }) => boolean): Promise<string[]>;
  /** Every card in force, by village. */
  listPublications(): Promise<PublicationRecord[]>;
  /** How many villages' cards each of these solutions supplies. */
  countPublications(solutionIds: readonly string[]): Promise<Map<string, number>>;

  /** Replaces the registry; withdraws the cards of registered villages published by another county (returns how many). */
  putDivisions(body: string, index: { regions: readonly RegisteredRegion[]; villages: readonly RegisteredVillage[] }, loadedBy: string): Promise<{ record: DivisionsRecord; withdrawn: number }>;
  getDivisions(): Promise<DivisionsRecord | undefined>;
  /** The registry's entries for these ids (none when no registry is loaded). */
  findDivisions(regionIds: readonly string[], villageIds: readonly string[]): Promise<{ regions: Map<string, RegisteredRegion>; villages: Map<string, RegisteredVillage> }>;
  /** The owners of these villages, where they have one. */
  villageOwners(villageIds: readonly string[]): Promise<Map<string, VillageOwner>>;
  /**
   * Gives an unregistered village to another county (an admin's act); its card, if another county
   * published it, is withdrawn. `conflict` for a registered village (change the registry instead).
   */
  setVillageOwner(villageId: string, owner: { countyId: string; cityId: string | null }, by: string): Promise<{ withdrawn: boolean }>;

  /**
   * Stores a complete calendar and, in the same transaction, marks its job succeeded with this
   * `calendarId` (the job must be queued or running, as for `insertSolution`).
   */
  insertCalendar(rec: Omit<CalendarRecord, 'createdAt' | 'scope'> & { scope?: string | null }, body: string | readonly string[], jobId?: string): Promise<CalendarRecord>;
  getCalendar(id: string): Promise<CalendarRecord | undefined>;
  /** the calendar document as stored (JSON text); a province's is ~130 MB: prefer `getCalendarParts` */
  getCalendarBody(id: string): Promise<string | undefined>;
  /**
   * The calendar document in parts of about 2 MB, each read when the iteration reaches it (a turn of the
   * event loop between two): joined, they are the document. Undefined when there is no such calendar.
   */
  getCalendarParts(id: string): Promise<AsyncIterable<string> | undefined>;
  /** A solution's calendars, newest first (the first is the one the public look-up shows). */
  listCalendars(solutionId: string): Promise<CalendarRecord[]>;

  /** Stores the official holiday table of `year`, replacing any earlier one. */
  putHolidayTable(year: number, body: string): Promise<HolidayTableRecord>;
  getHolidayTable(year: number): Promise<HolidayTableRecord | undefined>;

  insertJob(
    rec: Omit<JobRecord, 'createdAt' | 'updatedAt' | 'progress' | 'phase' | 'solutionId' | 'calendarId' | 'error' | 'status' | 'keyId' | 'scope'> & {
      keyId?: string | null;
      scope?: string | null;
    },
  ): Promise<JobRecord>;
  getJob(id: string): Promise<JobRecord | undefined>;
  updateJob(id: string, patch: Partial<Pick<JobRecord, 'status' | 'progress' | 'phase' | 'error' | 'solutionId'>>): Promise<void>;
  /**
   * At start: every job left `running` or `queued` by a stopped process is marked failed with `reason`,
   * and the parts of a calendar it had not finished writing are removed. Returns how many jobs.
   */
  failInterruptedJobs(reason: string): Promise<number>;

  /** Stores the hash of a new key; the key itself is never stored. */
  insertApiKey(rec: Pick<ApiKeyRecord, 'id' | 'scope' | 'label'>, keyHash: string): Promise<ApiKeyRecord>;
  /** The key with this hash, revoked ones too (`revokedAt` set: the caller must refuse it). Never cached. */
  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  countApiKeys(): Promise<number>;
  /** Every key, revoked ones too, newest first. */
  listApiKeys(opts: { limit: number; cursor?: string }): Promise<Page<ApiKeyRecord>>;
  /** Revokes a key (again: fine, the first time stays) and returns it; `StoreError` `not_found` for an unknown id. */
  revokeApiKey(id: string): Promise<ApiKeyRecord>;
  /** Sets the key's `lastUsedAt` to now (callers throttle it); an unknown id is ignored. */
  touchApiKey(id: string): Promise<void>;

  /** Records one write (the store sets `id` and `at`). */
  insertAudit(rec: NewAuditRecord): Promise<AuditRecord>;
  /** The audit trail, newest first, filtered and paged like `listScenarios`. */
  listAudit(opts: AuditQuery): Promise<Page<AuditRecord>>;
}
