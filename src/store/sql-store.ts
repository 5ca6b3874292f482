/**
 * The one `Store` implementation, written against Kysely; `dialects.ts` supplies the connection
 * and the few dialect-specific bits. Bodies (JSON documents of several MB) are stored and
 * returned as text, never parsed here, and never selected by the list/get calls.
 */
import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DialectName, SqlBackend } from './dialects.js';
import { StoreError } from './errors.js';
import { appliedVersions, runMigrations } from './migrations.js';
import { breathe, PART_CHARS, splitText } from './parts.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import * as keysAudit from './keys-audit.js';
import type { CalendarsTable, Database, JobsTable, ScenariosTable, SolutionsTable } from './schema.js';
import type {
  ApiKeyRecord,
  AuditQuery,
  AuditRecord,
  CalendarRecord,
  HolidayTableRecord,
  JobRecord,
  JobStatus,
  NewAuditRecord,
  Page,
  ScenarioRecord,
  SolutionRecord,
  Store,
} from './types.js';

const SCENARIO_COLUMNS = ['id', 'parent_id', 'name', 'created_at', 'summary', 'regions'] as const;
const SOLUTION_COLUMNS = ['id', 'scenario_id', 'created_at', 'published_for'] as const;
const CALENDAR_COLUMNS = ['id', 'solution_id', 'scenario_id', 'year', 'months', 'provisional', 'created_at', 'scope'] as const;
const JOB_COLUMNS = [
  'id',
  'kind',
  'scenario_id',
  'status',
  'progress',
  'phase',
  'params',
  'solution_id',
  'calendar_id',
  'error',
  'created_at',
  'updated_at',
  'key_id',
  'scope',
] as const;

type ScenarioRow = Pick<Selectable<ScenariosTable>, (typeof SCENARIO_COLUMNS)[number]>;
type SolutionRow = Pick<Selectable<SolutionsTable>, (typeof SOLUTION_COLUMNS)[number]>;
type CalendarRow = Pick<Selectable<CalendarsTable>, (typeof CALENDAR_COLUMNS)[number]>;
type JobRow = Pick<Selectable<JobsTable>, (typeof JOB_COLUMNS)[number]>;

/** Jobs a stopped process may have left behind, and the only ones a solution may complete. */
const ACTIVE: JobStatus[] = ['queued', 'running'];

export class SqlStore implements Store {
  readonly dialect: DialectName;
  readonly #backend: SqlBackend;
  readonly #clock: () => Date;
  #closed = false;

  constructor(backend: SqlBackend, clock: () => Date = () => new Date()) {
    this.#backend = backend;
    this.#clock = clock;
    this.dialect = backend.name;
  }

  // --- lifecycle --------------------------------------------------------------------------

  async migrate(): Promise<void> {
    await this.#run(() => runMigrations(this.#backend, () => this.#now()));
  }

  /** The migration versions recorded in the database, ascending. */
  appliedMigrations(): Promise<number[]> {
    return this.#run((db) => appliedVersions(db));
  }

  async ping(): Promise<boolean> {
    if (this.#closed) return false;
    try {
      await sql`select 1 as one`.execute(this.#backend.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#backend.close();
  }

  // --- scenarios --------------------------------------------------------------------------

  insertScenario(rec: Omit<ScenarioRecord, 'createdAt'>, body: string): Promise<ScenarioRecord> {
    const regions = rec.regions ?? [];
    const row = {
      id: rec.id,
      parent_id: rec.parentId ?? null,
      name: rec.name,
      created_at: this.#now(),
      summary: JSON.stringify(rec.summary ?? null),
      regions: JSON.stringify(regions),
    };
    return this.#run((db) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('scenarios')
          .values({ ...row, body })
          .execute();
        const distinct = [...new Set(regions)];
        if (distinct.length > 0) {
          await trx
            .insertInto('scenario_regions')
            .values(distinct.map((region) => ({ scenario_id: rec.id, region })))
            .execute();
        }
        return toScenario(row);
      }),
    );
  }

  getScenario(id: string): Promise<ScenarioRecord | undefined> {
    return this.#run(async (db) => {
      const row = await db.selectFrom('scenarios').select(SCENARIO_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toScenario(row);
    });
  }

  getScenarioBody(id: string): Promise<string | undefined> {
    return this.#bodyInParts('scenarios', id);
  }

  /**
   * A document column read a part at a time (`substr`, in characters on both dialects): a province's
   * scenario or solution is several MB, and one query moving it whole holds the event loop for tens of
   * ms while the driver decodes it. Small documents take one query.
   */
  async #bodyInParts(table: 'scenarios' | 'solutions', id: string): Promise<string | undefined> {
    const part = (from: number) =>
      this.#run((db) =>
        db
          .selectFrom(table)
          .select([sql<string>`substr(body, ${from}, ${PART_CHARS})`.as('part'), sql<number | string>`length(body)`.as('length')])
          .where('id', '=', id)
          .executeTakeFirst(),
      );
    const first = await part(1);
    if (!first) return undefined;
    const length = Number(first.length);
    let text = first.part;
    for (let from = 1 + PART_CHARS; from <= length; from += PART_CHARS) {
      await breathe();
      const next = await part(from);
      if (!next) return undefined; // deleted meanwhile
      text += next.part;
    }
    return text;
  }

  /**
   * Newest first by (createdAt, id). `regions`, when given, keeps the scenarios covering at least
   * one of those codes; an empty list matches nothing (a key scoped to no region sees nothing).
   */
  async listScenarios(opts: { limit: number; cursor?: string; regions?: string[] }): Promise<Page<ScenarioRecord>> {
    const { limit, regions } = opts;
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
    const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor);
    return this.#run(async (db) => {
      if (regions !== undefined && regions.length === 0) return { items: [] };
      let query = db.selectFrom('scenarios').select(SCENARIO_COLUMNS);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', after.createdAt),
            eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
          ]),
        );
      }
      if (regions !== undefined) {
        const codes = [...new Set(regions)];
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('scenario_regions')
              .select(sql<number>`1`.as('one'))
              .whereRef('scenario_regions.scenario_id', '=', 'scenarios.id')
              .where('scenario_regions.region', 'in', codes),
          ),
        );
      }
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const items = rows.slice(0, limit).map(toScenario);
      if (rows.length <= limit) return { items };
      const last = items[items.length - 1];
      return { items, nextCursor: encodeCursor({ createdAt: last.createdAt, id: last.id }) };
    });
  }

  deleteScenario(id: string): Promise<boolean> {
    // The foreign keys cascade too; the explicit deletes make the intent plain and do not
    // depend on the SQLite connection having foreign_keys on.
    return this.#run((db) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('jobs').where('scenario_id', '=', id).execute();
        await trx
          .deleteFrom('calendar_parts')
          .where('calendar_id', 'in', (eb) => eb.selectFrom('calendars').select('id').where('scenario_id', '=', id))
          .execute();
        await trx.deleteFrom('calendars').where('scenario_id', '=', id).execute();
        await trx.deleteFrom('solutions').where('scenario_id', '=', id).execute();
        await trx.deleteFrom('scenario_regions').where('scenario_id', '=', id).execute();
        const res = await trx.deleteFrom('scenarios').where('id', '=', id).executeTakeFirst();
        return Number(res.numDeletedRows) > 0;
      }),
    );
  }

  // --- solutions --------------------------------------------------------------------------

  /**
   * With `jobId`, the job must exist and be queued or running: it becomes `succeeded` with this
   * `solutionId` in the same transaction. Otherwise nothing is written and this throws
   * `StoreError` `not_found` (no such job) or `conflict` (job already finished, e.g. cancelled).
   */
  insertSolution(
    rec: Omit<SolutionRecord, 'createdAt' | 'publishedFor'>,
    body: string,
    jobId?: string,
  ): Promise<SolutionRecord> {
    const now = this.#now();
    const row = { id: rec.id, scenario_id: rec.scenarioId, created_at: now, published_for: null };
    return this.#run((db) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('solutions')
          .values({ ...row, body })
          .execute();
        if (jobId !== undefined) await completeJob(trx, jobId, { solution_id: rec.id, updated_at: now });
        return toSolution(row);
      }),
    );
  }

  getSolution(id: string): Promise<SolutionRecord | undefined> {
    return this.#run(async (db) => {
      const row = await db.selectFrom('solutions').select(SOLUTION_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toSolution(row);
    });
  }

  getSolutionBody(id: string): Promise<string | undefined> {
    return this.#bodyInParts('solutions', id);
  }

  /**
   * The solution becomes the one in force for `region`; whichever was there is unpublished.
   * A solution is in force for one region at most, so publishing it elsewhere moves it.
   * Throws `StoreError` `not_found` (and changes nothing) when the solution does not exist.
   */
  publishSolution(id: string, region: string): Promise<void> {
    return this.#run((db) =>
      db.transaction().execute(async (trx) => {
        await this.#backend.lockPublish(trx);
        // unpublish first: the unique index allows one solution per region at any moment
        await trx
          .updateTable('solutions')
          .set({ published_for: null })
          .where('published_for', '=', region)
          .where('id', '<>', id)
          .execute();
        const res = await trx
          .updateTable('solutions')
          .set({ published_for: region })
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw new StoreError('not_found', `solution ${id} not found`);
      }),
    );
  }

  listPublished(): Promise<SolutionRecord[]> {
    return this.#run(async (db) => {
      const rows = await db
        .selectFrom('solutions')
        .select(SOLUTION_COLUMNS)
        .where('published_for', 'is not', null)
        .orderBy('published_for')
        .orderBy('id')
        .execute();
      return rows.map(toSolution);
    });
  }

  // --- calendars --------------------------------------------------------------------------

  /**
   * With `jobId`, the job must exist and be queued or running: it becomes `succeeded` with this
   * `calendarId` in the same transaction; otherwise nothing is written (`not_found` / `conflict`).
   * A solution that does not exist is `not_found`.
   *
   * `body` is the document, whole or already in parts (joined, they are the document). The parts go
   * first, one statement (and commit) each with a turn of the event loop between them; then the
   * calendar's row and its job in one small transaction. A province's 130 MB in one statement or one
   * commit would hold the event loop for a quarter of a second or more (SQLite's commit checkpoints the
   * whole write-ahead log). Readers see the calendar only once its row is there; parts left by a failed
   * write are removed here, and those of a stopped process by `failInterruptedJobs`.
   */
  async insertCalendar(rec: Omit<CalendarRecord, 'createdAt' | 'scope'> & { scope?: string | null }, body: string | readonly string[], jobId?: string): Promise<CalendarRecord> {
    const now = this.#now();
    const row: CalendarRow = {
      id: rec.id,
      solution_id: rec.solutionId,
      scenario_id: rec.scenarioId,
      year: rec.year,
      months: JSON.stringify(rec.months),
      provisional: rec.provisional ? 1 : 0,
      created_at: now,
      scope: rec.scope ?? null,
    };
    const parts = typeof body === 'string' ? splitText(body) : body.flatMap((p) => splitText(p));
    try {
      for (let seq = 0; seq < parts.length; seq++) {
        if (seq > 0) await breathe();
        await this.#run((db) => db.insertInto('calendar_parts').values({ calendar_id: rec.id, seq, body: parts[seq] }).execute());
      }
      return await this.#run((db) =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('calendars')
            .values({ ...row, body: '' })
            .execute();
          if (jobId !== undefined) await completeJob(trx, jobId, { calendar_id: rec.id, updated_at: now });
          return toCalendar(row);
        }),
      );
    } catch (err) {
      // only parts of no calendar: a duplicate id must leave the first calendar's parts alone
      await this.#run((db) =>
        db
          .deleteFrom('calendar_parts')
          .where('calendar_id', '=', rec.id)
          .where((eb) => eb.not(eb.exists(eb.selectFrom('calendars').select('id').where('id', '=', rec.id))))
          .execute(),
      ).catch(() => {});
      throw err;
    }
  }

  getCalendar(id: string): Promise<CalendarRecord | undefined> {
    return this.#run(async (db) => {
      const row = await db.selectFrom('calendars').select(CALENDAR_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toCalendar(row);
    });
  }

  async getCalendarBody(id: string): Promise<string | undefined> {
    const parts = await this.getCalendarParts(id);
    if (!parts) return undefined;
    let text = '';
    for await (const part of parts) text += part;
    return text;
  }

  async getCalendarParts(id: string): Promise<AsyncIterable<string> | undefined> {
    const exists = await this.#run((db) => db.selectFrom('calendars').select('id').where('id', '=', id).executeTakeFirst());
    if (!exists) return undefined;
    const part = (seq: number) =>
      this.#run(async (db) => (await db.selectFrom('calendar_parts').select('body').where('calendar_id', '=', id).where('seq', '=', seq).executeTakeFirst())?.body);
    return {
      async *[Symbol.asyncIterator]() {
        for (let seq = 0; ; seq++) {
          if (seq > 0) await breathe();
          const body = await part(seq);
          if (body === undefined) return;
          yield body;
        }
      },
    };
  }

  listCalendars(solutionId: string): Promise<CalendarRecord[]> {
    return this.#run(async (db) => {
      const rows = await db
        .selectFrom('calendars')
        .select(CALENDAR_COLUMNS)
        .where('solution_id', '=', solutionId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toCalendar);
    });
  }

  // --- holiday tables ---------------------------------------------------------------------

  putHolidayTable(year: number, body: string): Promise<HolidayTableRecord> {
    if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
    const row = { year, body, updated_at: this.#now() };
    return this.#run(async (db) => {
      await db
        .insertInto('holiday_tables')
        .values(row)
        .onConflict((oc) => oc.column('year').doUpdateSet({ body, updated_at: row.updated_at }))
        .execute();
      return { year, body, updatedAt: row.updated_at };
    });
  }

  getHolidayTable(year: number): Promise<HolidayTableRecord | undefined> {
    return this.#run(async (db) => {
      const row = await db.selectFrom('holiday_tables').selectAll().where('year', '=', year).executeTakeFirst();
      return row && { year: Number(row.year), body: row.body, updatedAt: row.updated_at };
    });
  }

  // --- jobs -------------------------------------------------------------------------------

  /** A new job is `queued`, progress 0, phase "". */
  insertJob(
    rec: Omit<JobRecord, 'createdAt' | 'updatedAt' | 'progress' | 'phase' | 'solutionId' | 'calendarId' | 'error' | 'status' | 'keyId' | 'scope'> & {
      keyId?: string | null;
      scope?: string | null;
    },
  ): Promise<JobRecord> {
    const now = this.#now();
    const row: JobRow = {
      id: rec.id,
      kind: rec.kind,
      scenario_id: rec.scenarioId,
      status: 'queued',
      progress: 0,
      phase: '',
      params: JSON.stringify(rec.params ?? null),
      solution_id: null,
      calendar_id: null,
      error: null,
      created_at: now,
      updated_at: now,
      key_id: rec.keyId ?? null,
      scope: rec.scope ?? null,
    };
    return this.#run(async (db) => {
      await db.insertInto('jobs').values(row).execute();
      return toJob(row);
    });
  }

  getJob(id: string): Promise<JobRecord | undefined> {
    return this.#run(async (db) => {
      const row = await db.selectFrom('jobs').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toJob(row);
    });
  }

  /** Sets the given fields and `updatedAt`; a job that does not exist is left alone. */
  updateJob(id: string, patch: Partial<Pick<JobRecord, 'status' | 'progress' | 'phase' | 'error' | 'solutionId'>>): Promise<void> {
    const set: Partial<JobsTable> = { updated_at: this.#now() };
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.progress !== undefined) set.progress = patch.progress;
    if (patch.phase !== undefined) set.phase = patch.phase;
    if (patch.error !== undefined) set.error = patch.error;
    if (patch.solutionId !== undefined) set.solution_id = patch.solutionId;
    return this.#run(async (db) => {
      await db.updateTable('jobs').set(set).where('id', '=', id).execute();
    });
  }

  failInterruptedJobs(reason: string): Promise<number> {
    return this.#run(async (db) => {
      // the parts of a calendar whose write the stopped process did not finish
      await db
        .deleteFrom('calendar_parts')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('calendars').select('id').whereRef('calendars.id', '=', 'calendar_parts.calendar_id'))))
        .execute();
      const res = await db
        .updateTable('jobs')
        .set({ status: 'failed', error: reason, updated_at: this.#now() })
        .where('status', 'in', ACTIVE)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    });
  }

  // --- API keys and the audit trail (issue 13; the queries are in keys-audit.ts) -------------

  /** Throws `StoreError` `conflict` when the id or the hash is taken. */
  insertApiKey(rec: Pick<ApiKeyRecord, 'id' | 'scope' | 'label'>, keyHash: string): Promise<ApiKeyRecord> {
    return this.#run((db) => keysAudit.insertApiKey(db, this.#now(), rec, keyHash));
  }

  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    return this.#run((db) => keysAudit.findApiKeyByHash(db, keyHash));
  }

  countApiKeys(): Promise<number> {
    return this.#run((db) => keysAudit.countApiKeys(db));
  }

  listApiKeys(opts: { limit: number; cursor?: string }): Promise<Page<ApiKeyRecord>> {
    return this.#run((db) => keysAudit.listApiKeys(db, opts));
  }

  revokeApiKey(id: string): Promise<ApiKeyRecord> {
    return this.#run((db) => keysAudit.revokeApiKey(db, this.#now(), id));
  }

  touchApiKey(id: string): Promise<void> {
    return this.#run((db) => keysAudit.touchApiKey(db, this.#now(), id));
  }

  insertAudit(rec: NewAuditRecord): Promise<AuditRecord> {
    return this.#run((db) => keysAudit.insertAudit(db, this.#now(), rec));
  }

  listAudit(opts: AuditQuery): Promise<Page<AuditRecord>> {
    return this.#run((db) => keysAudit.listAudit(db, opts));
  }

  // --- helpers ----------------------------------------------------------------------------

  #now(): string {
    return this.#clock().toISOString();
  }

  /** Runs `fn` unless closed, turning expected constraint errors into `StoreError`s. */
  async #run<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.#closed) throw new StoreError('closed', 'the store is closed');
    try {
      return await fn(this.#backend.db);
    } catch (err) {
      if (err instanceof StoreError) throw err;
      const code = this.#backend.classify(err);
      if (code) throw new StoreError(code, err instanceof Error ? err.message : String(err), { cause: err });
      throw err;
    }
  }
}

function toScenario(row: ScenarioRow): ScenarioRecord {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    createdAt: row.created_at,
    summary: JSON.parse(row.summary) as unknown,
    regions: JSON.parse(row.regions) as string[],
  };
}

function toSolution(row: SolutionRow): SolutionRecord {
  return { id: row.id, scenarioId: row.scenario_id, createdAt: row.created_at, publishedFor: row.published_for };
}

function toCalendar(row: CalendarRow): CalendarRecord {
  return {
    id: row.id,
    solutionId: row.solution_id,
    scenarioId: row.scenario_id,
    year: Number(row.year),
    months: JSON.parse(row.months) as string[],
    provisional: Number(row.provisional) === 1,
    createdAt: row.created_at,
    scope: row.scope,
  };
}

/** Inside a result's transaction: its job, queued or running, becomes `succeeded`; else the whole write fails. */
async function completeJob(trx: Transaction<Database>, jobId: string, result: Pick<Updateable<JobsTable>, 'solution_id' | 'calendar_id' | 'updated_at'>): Promise<void> {
  const res = await trx
    .updateTable('jobs')
    .set({ status: 'succeeded', ...result })
    .where('id', '=', jobId)
    .where('status', 'in', ACTIVE)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    const job = await trx.selectFrom('jobs').select('status').where('id', '=', jobId).executeTakeFirst();
    throw job ? new StoreError('conflict', `job ${jobId} is ${job.status}, not queued or running`) : new StoreError('not_found', `job ${jobId} not found`);
  }
}

function toJob(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: row.kind as JobRecord['kind'],
    scenarioId: row.scenario_id,
    status: row.status as JobStatus,
    progress: Number(row.progress),
    phase: row.phase,
    params: JSON.parse(row.params) as unknown,
    solutionId: row.solution_id,
    calendarId: row.calendar_id,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    keyId: row.key_id,
    scope: row.scope,
  };
}
