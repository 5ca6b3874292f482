/**
 * The one `Store` implementation, written against Kysely; `dialects.ts` supplies the connection
 * and the few dialect-specific bits. Bodies (JSON documents of several MB) are stored and
 * returned as text, never parsed here, and never selected by the list/get calls.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { RegisteredRegion, RegisteredVillage } from '../domain/divisions.js';
import type { DialectName, SqlBackend } from './dialects.js';
import { StoreError } from './errors.js';
import { appliedVersions, runMigrations } from './migrations.js';
import { breathe, DOC_PART_CHARS, PART_CHARS, splitText } from './parts.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import * as keysAudit from './keys-audit.js';
import type { CalendarsTable, Database, JobsTable, PublicationsTable, ScenariosTable, SolutionsTable, VillageOwnersTable } from './schema.js';
import type {
  ApiKeyRecord,
  AuditQuery,
  AuditRecord,
  CalendarRecord,
  DivisionsRecord,
  DocumentText,
  HolidayTableRecord,
  JobRecord,
  JobStatus,
  NewAuditRecord,
  Page,
  PublicationEntry,
  PublicationMeta,
  PublicationOutcome,
  PublicationRecord,
  ScenarioRecord,
  SolutionRecord,
  Store,
  VillageOwner,
} from './types.js';

const SCENARIO_COLUMNS = ['id', 'parent_id', 'name', 'created_at', 'summary', 'regions'] as const;
const SOLUTION_COLUMNS = ['id', 'scenario_id', 'created_at'] as const;
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

/** Rows read per query where a table can hold a province's worth (26,500 publications). */
const PAGE_ROWS = 2_000;

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
    await this.#run(() => runMigrations(this.#backend));
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
          .deleteFrom('publications')
          .where('solution_id', 'in', (eb) => eb.selectFrom('solutions').select('id').where('scenario_id', '=', id))
          .execute();
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
    rec: Omit<SolutionRecord, 'createdAt'>,
    body: DocumentText,
    jobId?: string,
  ): Promise<SolutionRecord> {
    const now = this.#now();
    const row = { id: rec.id, scenario_id: rec.scenarioId, created_at: now };
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

  listSolutions(scenarioId: string): Promise<SolutionRecord[]> {
    return this.#run(async (db) => {
      const rows = await db
        .selectFrom('solutions')
        .select(SOLUTION_COLUMNS)
        .where('scenario_id', '=', scenarioId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toSolution);
    });
  }

  getSolutionBody(id: string): Promise<string | undefined> {
    return this.#joined(this.getSolutionParts(id));
  }

  listLegacyPublished(): Promise<(SolutionRecord & { region: string })[]> {
    return this.#run(async (db) => {
      const rows = await db.selectFrom('solutions').select([...SOLUTION_COLUMNS, 'published_for']).where('published_for', 'is not', null).orderBy('id').execute();
      return rows.map((r) => ({ ...toSolution(r), region: r.published_for! }));
    });
  }

  clearLegacyPublished(id: string): Promise<void> {
    return this.#run(async (db) => {
      await db.updateTable('solutions').set({ published_for: null }).where('id', '=', id).execute();
    });
  }

  // --- public cards: owners, publications, the divisions registry (migration 4) -------------

  publishVillages(
    solutionId: string,
    entries: readonly PublicationEntry[],
    meta: PublicationMeta,
    may: (owner: { countyId: string; cityId: string | null }) => boolean,
    opts: { dryRun?: boolean } = {},
  ): Promise<PublicationOutcome> {
    const now = this.#now();
    return this.#run((db) =>
      db.transaction().execute(async (trx) => {
        await this.#backend.lockPublish(trx);
        const exists = await trx.selectFrom('solutions').select('id').where('id', '=', solutionId).executeTakeFirst();
        if (!exists) throw new StoreError('not_found', `solution ${solutionId} not found`);
        const owners = await ownersOf(trx, entries.map((e) => e.villageId));
        const outcome: PublicationOutcome = { published: [], skipped: [] };
        const claims: Insertable<VillageOwnersTable>[] = [];
        const rows: Insertable<PublicationsTable>[] = [];
        for (const e of entries) {
          if (e.countyId === undefined) {
            outcome.skipped.push({ villageId: e.villageId, reason: 'unplaced' });
            continue;
          }
          const owner = owners.get(e.villageId);
          if (owner && owner.countyId !== e.countyId) {
            outcome.skipped.push({ villageId: e.villageId, reason: 'owned-elsewhere', ownerCountyId: owner.countyId });
            continue;
          }
          const place = owner ?? { countyId: e.countyId, cityId: e.cityId ?? null };
          if (!may(place)) {
            outcome.skipped.push({ villageId: e.villageId, reason: 'out-of-scope', ownerCountyId: place.countyId });
            continue;
          }
          if (!owner) claims.push({ village_id: e.villageId, county_id: place.countyId, city_id: place.cityId, claimed_at: now, claimed_by: meta.keyLabel });
          rows.push({
            village_id: e.villageId,
            solution_id: solutionId,
            county_id: place.countyId,
            city_id: place.cityId,
            published_at: now,
            publisher: meta.publisher,
            key_id: meta.keyId,
            key_label: meta.keyLabel,
          });
          outcome.published.push(e.villageId);
        }
        if (opts.dryRun) return outcome;
        // a turn of the event loop between batches: SQLite writes block it, and a province is 26,500 rows
        for (const batch of chunks(claims, 500)) {
          await trx.insertInto('village_owners').values(batch).execute();
          await breathe();
        }
        for (const batch of chunks(rows, 500)) {
          await breathe();
          await trx
            .insertInto('publications')
            .values(batch)
            .onConflict((oc) =>
              oc.column('village_id').doUpdateSet((eb) => ({
                solution_id: eb.ref('excluded.solution_id'),
                county_id: eb.ref('excluded.county_id'),
                city_id: eb.ref('excluded.city_id'),
                published_at: eb.ref('excluded.published_at'),
                publisher: eb.ref('excluded.publisher'),
                key_id: eb.ref('excluded.key_id'),
                key_label: eb.ref('excluded.key_label'),
              })),
            )
            .execute();
        }
        return outcome;
      }),
    );
  }

  unpublishVillages(solutionId: string, may: (place: { countyId: string | null; cityId: string | null }) => boolean): Promise<string[]> {
    return this.#run((db) =>
      db.transaction().execute(async (trx) => {
        await this.#backend.lockPublish(trx);
        const rows = await trx.selectFrom('publications').select(['village_id', 'county_id', 'city_id']).where('solution_id', '=', solutionId).execute();
        const gone = rows.filter((r) => may({ countyId: r.county_id, cityId: r.city_id })).map((r) => r.village_id);
        for (const batch of chunks(gone, 500)) {
          await trx.deleteFrom('publications').where('solution_id', '=', solutionId).where('village_id', 'in', batch).execute();
        }
        return gone;
      }),
    );
  }

  /** Read a page at a time (by village id) with a turn of the event loop between, so a province's 26,500 rows never hold it long. */
  async listPublications(): Promise<PublicationRecord[]> {
    const out: PublicationRecord[] = [];
    for (let after: string | undefined; ; ) {
      const rows = await this.#run((db) => {
        let q = db
          .selectFrom('publications')
          .innerJoin('solutions', 'solutions.id', 'publications.solution_id')
          .select([
            'publications.village_id as villageId',
            'publications.solution_id as solutionId',
            'solutions.scenario_id as scenarioId',
            'publications.county_id as countyId',
            'publications.city_id as cityId',
            'publications.publisher as publisher',
            'publications.published_at as publishedAt',
          ]);
        if (after !== undefined) q = q.where('publications.village_id', '>', after);
        return q.orderBy('publications.village_id').limit(PAGE_ROWS).execute();
      });
      out.push(...rows);
      if (rows.length < PAGE_ROWS) return out;
      after = rows[rows.length - 1].villageId;
      await breathe();
    }
  }

  countPublications(solutionIds: readonly string[]): Promise<Map<string, number>> {
    return this.#run(async (db) => {
      const counts = new Map<string, number>(solutionIds.map((id) => [id, 0]));
      for (const batch of chunks([...new Set(solutionIds)], 500)) {
        const rows = await db
          .selectFrom('publications')
          .select(['solution_id', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
          .where('solution_id', 'in', batch)
          .groupBy('solution_id')
          .execute();
        for (const r of rows) counts.set(r.solution_id, Number(r.n));
      }
      return counts;
    });
  }

  putDivisions(
    body: string,
    index: { regions: readonly RegisteredRegion[]; villages: readonly RegisteredVillage[] },
    loadedBy: string,
  ): Promise<{ record: DivisionsRecord; withdrawn: number }> {
    const now = this.#now();
    return this.#run((db) =>
      db.transaction().execute(async (trx) => {
        await this.#backend.lockPublish(trx);
        await trx.deleteFrom('division_villages').execute();
        await trx.deleteFrom('division_regions').execute();
        await trx.deleteFrom('divisions').execute();
        await trx.insertInto('divisions').values({ name: 'current', body, loaded_at: now, loaded_by: loadedBy }).execute();
        const regionRows = index.regions.map((r) => ({ id: r.id, level: r.level, parent_id: r.parentId, name: r.name, county_id: r.countyId, city_id: r.cityId }));
        for (const batch of chunks(regionRows, 500)) await trx.insertInto('division_regions').values(batch).execute();
        const villageRows = index.villages.map((v) => ({ id: v.id, name: v.name, town_id: v.townId, county_id: v.countyId, city_id: v.cityId }));
        for (const batch of chunks(villageRows, 500)) await trx.insertInto('division_villages').values(batch).execute();
        // a card published by a county the registry does not put the village in is no longer that county's to show
        const res = await trx
          .deleteFrom('publications')
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('division_villages')
                .select('division_villages.id')
                .whereRef('division_villages.id', '=', 'publications.village_id')
                .where((w) => w.or([w('publications.county_id', 'is', null), w('division_villages.county_id', '<>', w.ref('publications.county_id'))])),
            ),
          )
          .executeTakeFirst();
        return {
          record: { body, loadedAt: now, loadedBy, regions: regionRows.length, villages: villageRows.length },
          withdrawn: Number(res.numDeletedRows),
        };
      }),
    );
  }

  getDivisions(): Promise<DivisionsRecord | undefined> {
    return this.#run(async (db) => {
      const row = await db.selectFrom('divisions').selectAll().where('name', '=', 'current').executeTakeFirst();
      if (!row) return undefined;
      const count = async (table: 'division_regions' | 'division_villages') =>
        Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow()).n);
      return { body: row.body, loadedAt: row.loaded_at, loadedBy: row.loaded_by, regions: await count('division_regions'), villages: await count('division_villages') };
    });
  }

  findDivisions(regionIds: readonly string[], villageIds: readonly string[]): Promise<{ regions: Map<string, RegisteredRegion>; villages: Map<string, RegisteredVillage> }> {
    return this.#run(async (db) => {
      const regions = new Map<string, RegisteredRegion>();
      const villages = new Map<string, RegisteredVillage>();
      for (const batch of chunks([...new Set(regionIds)], 500)) {
        for (const r of await db.selectFrom('division_regions').selectAll().where('id', 'in', batch).execute()) {
          regions.set(r.id, { id: r.id, name: r.name, level: r.level, parentId: r.parent_id, countyId: r.county_id, cityId: r.city_id });
        }
      }
      for (const batch of chunks([...new Set(villageIds)], 500)) {
        await breathe();
        for (const v of await db.selectFrom('division_villages').selectAll().where('id', 'in', batch).execute()) {
          villages.set(v.id, { id: v.id, name: v.name, townId: v.town_id, countyId: v.county_id, cityId: v.city_id });
        }
      }
      return { regions, villages };
    });
  }

  villageOwners(villageIds: readonly string[]): Promise<Map<string, VillageOwner>> {
    return this.#run((db) => ownersOf(db, villageIds));
  }

  setVillageOwner(villageId: string, owner: { countyId: string; cityId: string | null }, by: string): Promise<{ withdrawn: boolean }> {
    const now = this.#now();
    return this.#run((db) =>
      db.transaction().execute(async (trx) => {
        await this.#backend.lockPublish(trx);
        const registered = await trx.selectFrom('division_villages').select('county_id').where('id', '=', villageId).executeTakeFirst();
        if (registered) throw new StoreError('conflict', `village ${villageId} is in the divisions registry (county ${registered.county_id}): load a registry that moves it`);
        await trx
          .insertInto('village_owners')
          .values({ village_id: villageId, county_id: owner.countyId, city_id: owner.cityId, claimed_at: now, claimed_by: by })
          .onConflict((oc) => oc.column('village_id').doUpdateSet({ county_id: owner.countyId, city_id: owner.cityId, claimed_at: now, claimed_by: by }))
          .execute();
        const res = await trx
          .deleteFrom('publications')
          .where('village_id', '=', villageId)
          .where((eb) => eb.or([eb('county_id', 'is', null), eb('county_id', '<>', owner.countyId)]))
          .executeTakeFirst();
        return { withdrawn: Number(res.numDeletedRows) > 0 };
      }),
    );
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
  return { id: row.id, scenarioId: row.scenario_id, createdAt: row.created_at };
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

/** The owners of these villages: the registry's county, else the county that claimed the village. */
async function ownersOf(db: Kysely<Database>, villageIds: readonly string[]): Promise<Map<string, VillageOwner>> {
  const owners = new Map<string, VillageOwner>();
  const ids = [...new Set(villageIds)];
  for (const [i, batch] of chunks(ids, 500).entries()) {
    if (i > 0) await breathe();
    for (const r of await db.selectFrom('village_owners').select(['village_id', 'county_id', 'city_id']).where('village_id', 'in', batch).execute()) {
      owners.set(r.village_id, { countyId: r.county_id, cityId: r.city_id, source: 'claim' });
    }
    for (const r of await db.selectFrom('division_villages').select(['id', 'county_id', 'city_id']).where('id', 'in', batch).execute()) {
      owners.set(r.id, { countyId: r.county_id, cityId: r.city_id, source: 'registry' });
    }
  }
  return owners;
}

/** `items` in runs of at most `size`, for IN lists and multi-row inserts that stay under the drivers' parameter limits. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
