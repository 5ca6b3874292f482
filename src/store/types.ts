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
  /** the region (city or county code, or "*" for all) it is in force for, once published */
  publishedFor: string | null;
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

export interface ApiKeyRecord {
  id: string;
  /** `admin`, `city:<code>` or `county:<code>` */
  scope: string;
  label: string;
  createdAt: string;
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
  insertSolution(rec: Omit<SolutionRecord, 'createdAt' | 'publishedFor'>, body: DocumentText, jobId?: string): Promise<SolutionRecord>;
  getSolution(id: string): Promise<SolutionRecord | undefined>;
  getSolutionBody(id: string): Promise<string | undefined>;
  /** The solution document in parts, as getScenarioParts. */
  getSolutionParts(id: string): Promise<AsyncIterable<string> | undefined>;
  /** Makes this solution the one in force for `region`, replacing any other there (one transaction). */
  publishSolution(id: string, region: string): Promise<void>;
  /** The solutions in force, for the public look-up. */
  listPublished(): Promise<SolutionRecord[]>;

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
  insertApiKey(rec: Omit<ApiKeyRecord, 'createdAt'>, keyHash: string): Promise<ApiKeyRecord>;
  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  countApiKeys(): Promise<number>;
}
