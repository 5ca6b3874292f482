/**
 * The one `Store` implementation, written against Kysely; `dialects.ts` supplies the connection
 * and the few dialect-specific bits. Bodies (JSON documents of several MB) are stored and
 * returned as text, never parsed here, and never selected by the list/get calls.
 */
import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DialectName, SqlBackend } from './dialects.js';
import { StoreError } from './errors.js';
import { appliedVersions, runMigrations } from './migrations.js';
import { breathe, DOC_PART_CHARS, PART_CHARS, splitText } from './parts.js';
import type { ApiKeysTable, CalendarsTable, Database, JobsTable, ScenariosTable, SolutionsTable } from './schema.js';
import type { ApiKeyRecord, CalendarRecord, DocumentText, HolidayTableRecord, JobRecord, JobStatus, Page, ScenarioRecord, SolutionRecord, Store } from './types.js';

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
const API_KEY_COLUMNS = ['id', 'scope', 'label', 'created_at'] as const;

type ScenarioRow = Pick<Selectable<ScenariosTable>, (typeof SCENARIO_COLUMNS)[number]>;
type SolutionRow = Pick<Selectable<SolutionsTable>, (typeof SOLUTION_COLUMNS)[number]>;
type CalendarRow = Pick<Selectable<CalendarsTable>, (typeof CALENDAR_COLUMNS)[number]>;
type JobRow = Pick<Selectable<JobsTable>, (typeof JOB_COLUMNS)[number]>;
type ApiKeyRow = Pick<Selectable<ApiKeysTable>, (typeof API_KEY_COLUMNS)[number]>;

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

  /**
   * A document larger than one part (DOC_PART_CHARS), or given in parts, goes to `scenario_parts` first,
   * a statement and a turn of the event loop per part; then the row, its regions, in one transaction.
   */
  async insertScenario(rec: Omit<ScenarioRecord, 'createdAt'>, body: DocumentText): Promise<ScenarioRecord> {
    const regions = rec.regions ?? [];
    const row = {
      id: rec.id,
      parent_id: rec.parentId ?? null,
      name: rec.name,
      created_at: this.#now(),
      summary: JSON.stringify(rec.summary ?? null),
      regions: JSON.stringify(regions),
    };
    const stored = await this.#writeParts('scenario_parts', rec.id, body);
    return this.#withParts('scenario_parts', rec.id, stored, () => this.#run((db) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('scenarios')
          .values({ ...row, body: stored.body, parts: stored.parts })
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
    ));
  }

  /**
   * Writes a document's parts (when it has more than one) before its row: one statement each, a turn of
   * the event loop between two. Returns what the row keeps: the document itself, or how many parts.
   */
  async #writeParts(table: 'scenario_parts' | 'solution_parts', id: string, body: DocumentText): Promise<{ body: string; parts: number }> {
    if (typeof body === 'string' && body.length <= DOC_PART_CHARS) return { body, parts: 0 };
    const parts = typeof body === 'string' ? splitText(body, DOC_PART_CHARS) : body;
    let seq = 0;
    try {
      for await (const part of parts) {
        if (seq > 0) await breathe();
        const values = table === 'scenario_parts' ? { scenario_id: id, seq, body: part } : { solution_id: id, seq, body: part };
        await this.#run((db) => db.insertInto(table).values(values as never).execute());
        seq++;
      }
    } catch (err) {
      await this.#dropParts(table, id);
      throw err;
    }
    return { body: '', parts: seq };
  }

  /** Runs the row's write; if it fails, the parts written for it go (unless a row with that id was there already). */
  async #withParts<T>(table: 'scenario_parts' | 'solution_parts', id: string, stored: { parts: number }, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (stored.parts > 0) await this.#dropParts(table, id);
      throw err;
    }
  }

  /** Parts of a document whose row is not there (a failed or interrupted write). */
  async #dropParts(table: 'scenario_parts' | 'solution_parts', id: string): Promise<void> {
    await this.#run((db) =>
      table === 'scenario_parts'
        ? db
            .deleteFrom('scenario_parts')
            .where('scenario_id', '=', id)
            .where((eb) => eb.not(eb.exists(eb.selectFrom('scenarios').select('id').where('id', '=', id))))
            .execute()
        : db
            .deleteFrom('solution_parts')
            .where('solution_id', '=', id)
            .where((eb) => eb.not(eb.exists(eb.selectFrom('solutions').select('id').where('id', '=', id))))
            .execute(),
    ).catch(() => {});
  }

  /**
   * A document read a part at a time, a turn of the event loop between two: from its parts table, or (a
   * document stored before migration 5, or small) from the row's body, cut with `substr`.
   */
  async #parts(owner: 'scenarios' | 'solutions', id: string): Promise<AsyncIterable<string> | undefined> {
    const head = await this.#run((db) => db.selectFrom(owner).select(['parts', sql<number | string>`length(body)`.as('length')]).where('id', '=', id).executeTakeFirst());
    if (!head) return undefined;
    const count = Number(head.parts);
    const length = Number(head.length);
    const read =
      count > 0
        ? (k: number) =>
            this.#run(async (db) =>
              owner === 'scenarios'
                ? (await db.selectFrom('scenario_parts').select('body').where('scenario_id', '=', id).where('seq', '=', k).executeTakeFirst())?.body
                : (await db.selectFrom('solution_parts').select('body').where('solution_id', '=', id).where('seq', '=', k).executeTakeFirst())?.body,
            )
        : (k: number) =>
            this.#run(async (db) => (await db.selectFrom(owner).select(sql<string>`substr(body, ${1 + k * PART_CHARS}, ${PART_CHARS})`.as('part')).where('id', '=', id).executeTakeFirst())?.part);
    const n = count > 0 ? count : Math.max(1, Math.ceil(length / PART_CHARS));
    return {
      async *[Symbol.asyncIterator]() {
        for (let k = 0; k < n; k++) {
          if (k > 0) await breathe();
          const part = await read(k);
          // deleted meanwhile
          if (part === undefined) throw new StoreError('not_found', `${owner === 'scenarios' ? 'scenario' : 'solution'} ${id} was deleted while it was read`);
          yield part;
        }
      },
    };
  }

  getScenarioParts(id: string): Promise<AsyncIterable<string> | undefined> {
    return this.#parts('scenarios', id);
  }

  getSolutionParts(id: string): Promise<AsyncIterable<string> | undefined> {
    return this.#parts('solutions', id);
  }

  getScenario(id: string): Promise<ScenarioRecord | undefined> {
    return this.#run(async (db) => {
      const row = await db.selectFrom('scenarios').select(SCENARIO_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toScenario(row);
    });
  }

  getScenarioBody(id: string): Promise<string | undefined> {
    return this.#joined(this.getScenarioParts(id));
  }

  /**
   * A document read a part at a time and joined: a province's scenario or solution is several MB, and one
   * query moving it whole holds the event loop for tens of ms while the driver decodes it. Undefined when
   * there is no such document, or it was deleted while it was read.
   */
  async #joined(parts: Promise<AsyncIterable<string> | undefined>): Promise<string | undefined> {
    const iterable = await parts;
    if (!iterable) return undefined;
    let text = '';
    try {
      for await (const part of iterable) text += part;
    } catch (err) {
      if (err instanceof StoreError && err.code === 'not_found') return undefined;
      throw err;
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
        await trx
          .deleteFrom('solution_parts')
          .where('solution_id', 'in', (eb) => eb.selectFrom('solutions').select('id').where('scenario_id', '=', id))
          .execute();
        await trx.deleteFrom('solutions').where('scenario_id', '=', id).execute();
        await trx.deleteFrom('scenario_regions').where('scenario_id', '=', id).execute();
        await trx.deleteFrom('scenario_parts').where('scenario_id', '=', id).execute();
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
  async insertSolution(
    rec: Omit<SolutionRecord, 'createdAt' | 'publishedFor'>,
    body: DocumentText,
    jobId?: string,
  ): Promise<SolutionRecord> {
    const now = this.#now();
    const row = { id: rec.id, scenario_id: rec.scenarioId, created_at: now, published_for: null };
    const stored = await this.#writeParts('solution_parts', rec.id, body);
    return this.#withParts('solution_parts', rec.id, stored, () =>
      this.#run((db) =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('solutions')
            .values({ ...row, body: stored.body, parts: stored.parts })
            .execute();
          if (jobId !== undefined) await completeJob(trx, jobId, { solution_id: rec.id, updated_at: now });
          return toSolution(row);
        }),
      ),
    );
  }

  getSolution(id: string): Promise<SolutionRecord | undefined> {
    return this.#run(async (db) => {
      const row = await db.selectFrom('solutions').select(SOLUTION_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toSolution(row);
    });
  }

  getSolutionBody(id: string): Promise<string | undefined> {
    return this.#joined(this.getSolutionParts(id));
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
      // the parts of a calendar, scenario or solution whose write the stopped process did not finish
      await db
        .deleteFrom('calendar_parts')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('calendars').select('id').whereRef('calendars.id', '=', 'calendar_parts.calendar_id'))))
        .execute();
      await db
        .deleteFrom('scenario_parts')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('scenarios').select('id').whereRef('scenarios.id', '=', 'scenario_parts.scenario_id'))))
        .execute();
      await db
        .deleteFrom('solution_parts')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('solutions').select('id').whereRef('solutions.id', '=', 'solution_parts.solution_id'))))
        .execute();
      const res = await db
        .updateTable('jobs')
        .set({ status: 'failed', error: reason, updated_at: this.#now() })
        .where('status', 'in', ACTIVE)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    });
  }

  // --- API keys ---------------------------------------------------------------------------

  /** Throws `StoreError` `conflict` when the id or the hash is taken. */
  insertApiKey(rec: Omit<ApiKeyRecord, 'createdAt'>, keyHash: string): Promise<ApiKeyRecord> {
    const row: ApiKeyRow = { id: rec.id, scope: rec.scope, label: rec.label, created_at: this.#now() };
    return this.#run(async (db) => {
      await db
        .insertInto('api_keys')
        .values({ ...row, key_hash: keyHash })
        .execute();
      return toApiKey(row);
    });
  }

  findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    return this.#run(async (db) => {
      const row = await db.selectFrom('api_keys').select(API_KEY_COLUMNS).where('key_hash', '=', keyHash).executeTakeFirst();
      return row && toApiKey(row);
    });
  }

  countApiKeys(): Promise<number> {
    return this.#run(async (db) => {
      const row = await db
        .selectFrom('api_keys')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
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

function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return { id: row.id, scope: row.scope, label: row.label, createdAt: row.created_at };
}

// --- cursor: opaque to callers, base64url of [createdAt, id] --------------------------------

interface CursorPosition {
  createdAt: string;
  id: string;
}

function encodeCursor(pos: CursorPosition): string {
  return Buffer.from(JSON.stringify([pos.createdAt, pos.id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): CursorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // a NUL could not be compared in PostgreSQL (and no stored id has one)
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && !`${value[0]}${value[1]}`.includes('\u0000')) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new StoreError('invalid_cursor', 'invalid cursor');
}
