/**
 * One suite, every backend: SQLite in memory and in a temp file always; PostgreSQL when
 * DATABASE_URL is set (each test in its own schema, dropped afterwards, so parallel runs are fine):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run test/store
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  createStore,
  MIGRATIONS,
  StoreError,
  type NewAuditRecord,
  type ScenarioRecord,
  type SqlStoreHandle,
  type StoreOptions,
} from '../../src/store/index.js';
import { DATABASE_URL, dropSchema } from '../fixtures/store.js';

/** A hand-driven clock: each read advances `step` ms (0 to make ties). */
class Clock {
  t = Date.parse('2025-03-01T08:00:00.000Z');
  step = 1;
  readonly now = (): Date => {
    const d = new Date(this.t);
    this.t += this.step;
    return d;
  };
}

interface Harness {
  /** where this test's database is; `open()` adds the clock */
  options: StoreOptions;
  /** opens a(nother) store on this test's database; for `:memory:` each call is a new, empty database */
  open(): SqlStoreHandle;
  /** whether a second `open()`, or another process, sees the same data */
  shared: boolean;
  cleanup(): Promise<void>;
}

interface Backend {
  name: string;
  setup(clock: Clock): Harness;
}

function harness(clock: Clock, options: StoreOptions, shared: boolean, cleanup: () => Promise<void>): Harness {
  return { options, shared, cleanup, open: () => createStore({ ...options, now: clock.now }) };
}

const backends: Backend[] = [
  {
    name: 'sqlite :memory:',
    setup: (clock) => harness(clock, { sqlitePath: ':memory:' }, false, async () => {}),
  },
  {
    name: 'sqlite file',
    setup: (clock) => {
      const dir = mkdtempSync(join(tmpdir(), 'ovola-store-'));
      // a folder that does not exist yet: createStore makes it
      const sqlitePath = join(dir, 'nested', 'ovola.db');
      return harness(clock, { sqlitePath }, true, async () => rmSync(dir, { recursive: true, force: true }));
    },
  },
];
if (DATABASE_URL) {
  backends.push({
    name: 'postgres',
    setup: (clock) => {
      const schema = `ovola_test_${process.pid}_${randomBytes(6).toString('hex')}`;
      return harness(clock, { databaseUrl: DATABASE_URL, schema, poolSize: 4 }, true, () => dropSchema(schema));
    },
  });
}

/** Runs test/store/store-process.ts in a child process against the same database. */
function runProcess(options: StoreOptions, tag: string): Promise<string> {
  const script = fileURLToPath(new URL('./store-process.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, JSON.stringify(options), tag],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)), timeout: 60_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${tag}: ${err.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function scenario(id: string, regions: string[] = ['4401'], extra: Partial<ScenarioRecord> = {}): Omit<ScenarioRecord, 'createdAt'> {
  return {
    id,
    parentId: null,
    name: `方案 ${id}`,
    summary: { cities: { '4401': { villages: 3, lawyers: { active: 2 } } } },
    regions,
    ...extra,
  };
}

/** A JSON document of at least `bytes` UTF-8 bytes, with Chinese, emoji, quotes, escapes. */
function bigDocument(bytes: number, schema: string): string {
  const villages: unknown[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const v = {
      id: `V${i}`,
      name: `广东省广州市天河区石牌街道第${i}村（社区）居民委员会`,
      note: 'one village, one legal adviser 🧑‍⚖️ "quoted" \\ back\nslash\ttab — 一村（社区）一法律顾问',
      lat: 23.1 + i * 1e-6,
      lng: 113.3 - i * 1e-6,
    };
    villages.push(v);
    size += Buffer.byteLength(JSON.stringify(v), 'utf8') + 1;
  }
  return JSON.stringify({ schema, villages });
}

const META = { publisher: '荔湾区司法局', keyId: 'k1', keyLabel: 'county bureau' };

async function rejectsWith(p: Promise<unknown>, code: StoreError['code']): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe(code);
}

describe.each(backends)('store on $name', (backend) => {
  let clock: Clock;
  let h: Harness;
  let store: SqlStoreHandle;
  const opened: SqlStoreHandle[] = [];

  const open = (): SqlStoreHandle => {
    const s = h.open();
    opened.push(s);
    return s;
  };

  beforeEach(async () => {
    clock = new Clock();
    h = backend.setup(clock);
    store = open();
    await store.migrate();
  });

  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    await h.cleanup();
  });

  describe('migrations', () => {
    test('migrate twice is idempotent and keeps data', async () => {
      const latest = MIGRATIONS.map((m) => m.version);
      expect(await store.appliedMigrations()).toEqual(latest);
      await store.insertScenario(scenario('S1'), '{}');
      await store.migrate();
      await store.migrate();
      expect(await store.appliedMigrations()).toEqual(latest);
      expect(await store.getScenario('S1')).toBeDefined();
    });

    test.runIf(backend.name !== 'sqlite :memory:')('a reopened database keeps its data and migrates as a no-op', async () => {
      await store.insertScenario(scenario('S1'), '{"a":1}');
      await store.close();
      const again = open();
      await again.migrate();
      expect(await again.getScenarioBody('S1')).toBe('{"a":1}');
      expect(await again.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    });

    test.runIf(backend.name !== 'sqlite :memory:')(
      'three processes migrate a fresh database at once, then write and publish concurrently',
      async () => {
        const fresh = backend.setup(clock);
        try {
          await Promise.all(['a', 'b', 'c'].map((tag) => runProcess(fresh.options, tag)));
          const check = fresh.open();
          try {
            expect(await check.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
            expect((await check.listScenarios({ limit: 10 })).items.map((s) => s.id).sort()).toEqual(['S-a', 'S-b', 'S-c']);
            const published = await check.listPublications();
            expect(published).toHaveLength(1);
            expect(published[0]).toMatchObject({ villageId: 'V1', countyId: '440103', cityId: '4401' });
            expect(await check.villageOwners(['V1'])).toEqual(new Map([['V1', { countyId: '440103', cityId: '4401', source: 'claim' }]]));
            expect(await check.getJob('J-b-9')).toMatchObject({ status: 'succeeded', solutionId: 'P-b-9' });
          } finally {
            await check.close();
          }
        } finally {
          await fresh.cleanup();
        }
      },
    );

    test.runIf(backend.name === 'postgres')('two stores migrating a fresh database at once both succeed', async () => {
      const fresh = backend.setup(clock);
      const a = fresh.open();
      const b = fresh.open();
      try {
        await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
        expect(await a.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
        await a.insertScenario(scenario('S1'), '{}');
        expect(await b.getScenario('S1')).toBeDefined();
      } finally {
        await a.close();
        await b.close();
        await fresh.cleanup();
      }
    });

    test.runIf(backend.name !== 'sqlite :memory:')('a database at version 1 with jobs upgrades: jobs kept, calendars work', async () => {
      const fresh = backend.setup(clock);
      try {
        // the version-1 schema written by hand, as an ovola of that version left it, with a job in it
        const v1 = MIGRATIONS.find((m) => m.version === 1)!;
        const rows = [
          `create table ovola_migrations (version integer primary key, name text not null, applied_at text not null)`,
          `insert into ovola_migrations values (1, 'initial', '2025-01-01T00:00:00.000Z')`,
          `insert into scenarios values ('S1', null, 'old', '2025-01-01T00:00:00.000Z', '{}', '["4401"]', '{}')`,
          `insert into solutions values ('P1', 'S1', '2025-01-01T00:00:01.000Z', null, '{}')`,
          `insert into jobs values ('J1', 'solve', 'S1', 'succeeded', 1, 'done', '{}', 'P1', null, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:01.000Z')`,
        ];
        if (backend.name === 'postgres') {
          const { databaseUrl, schema } = fresh.options;
          const client = new pg.Client({ connectionString: databaseUrl });
          await client.connect();
          try {
            await client.query(`create schema "${schema}"`);
            await client.query(`set search_path to "${schema}"`);
            for (const q of [...v1.up({ key: 'TEXT COLLATE "C"', float: 'DOUBLE PRECISION' }), ...rows]) await client.query(q);
          } finally {
            await client.end();
          }
        } else {
          mkdirSync(dirname(fresh.options.sqlitePath!), { recursive: true });
          const raw = new BetterSqlite3(fresh.options.sqlitePath!);
          try {
            for (const q of [...v1.up({ key: 'TEXT', float: 'REAL' }), ...rows]) raw.exec(q);
          } finally {
            raw.close();
          }
        }
        const upgraded = fresh.open();
        try {
          await upgraded.migrate();
          expect(await upgraded.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
          expect(await upgraded.getJob('J1')).toMatchObject({ status: 'succeeded', solutionId: 'P1', calendarId: null });
          await upgraded.insertJob({ id: 'J2', kind: 'calendar', scenarioId: 'S1', params: {} });
          await upgraded.insertCalendar({ id: 'C1', solutionId: 'P1', scenarioId: 'S1', year: 2026, months: ['2026-01'], provisional: true }, '{}', 'J2');
          expect(await upgraded.getJob('J2')).toMatchObject({ status: 'succeeded', calendarId: 'C1' });
          expect(await upgraded.deleteScenario('S1')).toBe(true);
        } finally {
          await upgraded.close();
        }
      } finally {
        await fresh.cleanup();
      }
    });

    test('the store reports its dialect', () => {
      expect(store.dialect).toBe(backend.name === 'postgres' ? 'postgres' : 'sqlite');
    });
  });

  describe('scenarios', () => {
    test('insert, get, body; records have the documented shape', async () => {
      clock.t = Date.parse('2025-03-01T09:30:00.123Z');
      const inserted = await store.insertScenario(
        scenario('S1', ['4401', '440106'], { parentId: 'S0' }),
        '{"schema":"ovola.scenario/v1","name":"广州"}',
      );
      expect(Object.keys(inserted).sort()).toEqual(['createdAt', 'id', 'name', 'parentId', 'regions', 'summary']);
      expect(inserted.createdAt).toMatch(ISO_MS);
      expect(inserted).toEqual({
        id: 'S1',
        parentId: 'S0',
        name: '方案 S1',
        createdAt: '2025-03-01T09:30:00.123Z',
        summary: { cities: { '4401': { villages: 3, lawyers: { active: 2 } } } },
        regions: ['4401', '440106'],
      });
      expect(await store.getScenario('S1')).toEqual(inserted);
      expect(await store.getScenarioBody('S1')).toBe('{"schema":"ovola.scenario/v1","name":"广州"}');
      expect(await store.getScenario('nope')).toBeUndefined();
      expect(await store.getScenarioBody('nope')).toBeUndefined();
    });

    test('a duplicate id is a conflict and leaves the first untouched', async () => {
      await store.insertScenario(scenario('S1', ['4401']), 'first');
      await rejectsWith(store.insertScenario(scenario('S1', ['4403']), 'second'), 'conflict');
      expect(await store.getScenarioBody('S1')).toBe('first');
      expect((await store.listScenarios({ limit: 10, regions: ['4403'] })).items).toEqual([]);
    });

    test('paging: newest first by (createdAt, id), cursor across pages, no empty last page', async () => {
      // S01..S05 one ms apart, then S06..S09 in the same millisecond (ties broken by id)
      for (let i = 1; i <= 5; i++) await store.insertScenario(scenario(`S0${i}`), '{}');
      clock.step = 0;
      for (const id of ['S08', 'S06', 'S09', 'S07']) await store.insertScenario(scenario(id), '{}');
      const expected = ['S09', 'S08', 'S07', 'S06', 'S05', 'S04', 'S03', 'S02', 'S01'];

      const seen: string[] = [];
      const pages: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listScenarios({ limit: 4, cursor });
        seen.push(...page.items.map((s) => s.id));
        pages.push(page.items.length);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
      expect(pages).toEqual([4, 4, 1]);

      // exactly one page's worth: no cursor
      const all = await store.listScenarios({ limit: 9 });
      expect(all.items.map((s) => s.id)).toEqual(expected);
      expect(all.nextCursor).toBeUndefined();
      expect(all.items[0]).toEqual(await store.getScenario('S09'));

      // a page boundary at the exact end: the last full page says there is nothing more
      const three = await store.listScenarios({ limit: 3 });
      const six = await store.listScenarios({ limit: 3, cursor: three.nextCursor });
      const last = await store.listScenarios({ limit: 3, cursor: six.nextCursor });
      expect(last.items.map((s) => s.id)).toEqual(['S03', 'S02', 'S01']);
      expect(last.nextCursor).toBeUndefined();
    });

    test('paging: the cursor is opaque and a bad one is rejected', async () => {
      await store.insertScenario(scenario('S1'), '{}');
      await store.insertScenario(scenario('S2'), '{}');
      const page = await store.listScenarios({ limit: 1 });
      expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
      await rejectsWith(store.listScenarios({ limit: 1, cursor: 'not a cursor' }), 'invalid_cursor');
      await rejectsWith(store.listScenarios({ limit: 1, cursor: Buffer.from('[1,2]').toString('base64url') }), 'invalid_cursor');
      await expect(store.listScenarios({ limit: 0 })).rejects.toThrow(RangeError);
    });

    test('paging: an empty store lists nothing', async () => {
      expect(await store.listScenarios({ limit: 5 })).toEqual({ items: [] });
    });

    test('region filter: scenarios whose regions intersect the codes, paged', async () => {
      await store.insertScenario(scenario('GZ', ['4401', '440103', '440106']), '{}');
      await store.insertScenario(scenario('SZ', ['4403', '440304']), '{}');
      await store.insertScenario(scenario('GZSZ', ['4401', '4403']), '{}');
      await store.insertScenario(scenario('ALL', ['4401', '4403', '4404', '4404']), '{}'); // a duplicate code
      await store.insertScenario(scenario('NONE', []), '{}');

      const ids = async (regions?: string[], limit = 10) => (await store.listScenarios({ limit, regions })).items.map((s) => s.id);
      expect(await ids(['440106'])).toEqual(['GZ']);
      expect(await ids(['4403'])).toEqual(['ALL', 'GZSZ', 'SZ']);
      expect(await ids(['440304', '440106'])).toEqual(['SZ', 'GZ']);
      expect(await ids(['4401', '4401', '4403'])).toEqual(['ALL', 'GZSZ', 'SZ', 'GZ']); // each once
      expect(await ids(['9999'])).toEqual([]);
      expect(await ids([])).toEqual([]); // a scope with no regions sees nothing
      expect(await ids(undefined)).toEqual(['NONE', 'ALL', 'GZSZ', 'SZ', 'GZ']);
      expect((await store.getScenario('ALL'))?.regions).toEqual(['4401', '4403', '4404', '4404']);

      const first = await store.listScenarios({ limit: 2, regions: ['4401'] });
      expect(first.items.map((s) => s.id)).toEqual(['ALL', 'GZSZ']);
      const second = await store.listScenarios({ limit: 2, regions: ['4401'], cursor: first.nextCursor });
      expect(second.items.map((s) => s.id)).toEqual(['GZ']);
      expect(second.nextCursor).toBeUndefined();
    });

    test('delete removes the scenario with its solutions, calendars, jobs and regions, and nothing else', async () => {
      await store.insertScenario(scenario('S1', ['4401']), 'one');
      await store.insertScenario(scenario('S2', ['4401']), 'two');
      await store.insertJob({ id: 'J1', kind: 'solve', scenarioId: 'S1', params: {} });
      await store.insertSolution({ id: 'P1', scenarioId: 'S1' }, 'sol1', 'J1');
      await store.publishVillages('P1', [{ villageId: 'V1', countyId: '440103', cityId: '4401' }], META, () => true);
      await store.insertJob({ id: 'JC1', kind: 'calendar', scenarioId: 'S1', params: {} });
      await store.insertCalendar({ id: 'C1', solutionId: 'P1', scenarioId: 'S1', year: 2026, months: ['2026-01'], provisional: false }, 'cal1', 'JC1');
      await store.insertJob({ id: 'J2', kind: 'solve', scenarioId: 'S2', params: {} });
      await store.insertSolution({ id: 'P2', scenarioId: 'S2' }, 'sol2', 'J2');
      await store.publishVillages('P2', [{ villageId: 'V2', countyId: '440303', cityId: '4403' }], META, () => true);
      await store.insertCalendar({ id: 'C2', solutionId: 'P2', scenarioId: 'S2', year: 2026, months: ['2026-01'], provisional: false }, 'cal2');

      expect(await store.deleteScenario('S1')).toBe(true);
      expect(await store.getScenario('S1')).toBeUndefined();
      expect(await store.getScenarioBody('S1')).toBeUndefined();
      expect(await store.getSolution('P1')).toBeUndefined();
      expect(await store.getSolutionBody('P1')).toBeUndefined();
      expect(await store.getJob('J1')).toBeUndefined();
      expect(await store.getJob('JC1')).toBeUndefined();
      expect(await store.getCalendar('C1')).toBeUndefined();
      expect(await store.getCalendarBody('C1')).toBeUndefined();
      expect(await store.listCalendars('P1')).toEqual([]);
      expect((await store.listPublications()).map((p) => [p.villageId, p.solutionId])).toEqual([['V2', 'P2']]);
      expect((await store.listScenarios({ limit: 10, regions: ['4401'] })).items.map((s) => s.id)).toEqual(['S2']);

      expect(await store.getScenarioBody('S2')).toBe('two');
      expect(await store.getSolutionBody('P2')).toBe('sol2');
      expect((await store.getJob('J2'))?.solutionId).toBe('P2');
      expect(await store.getCalendarBody('C2')).toBe('cal2');

      expect(await store.deleteScenario('S1')).toBe(false);
      expect(await store.deleteScenario('nope')).toBe(false);
      // the id is free again
      await store.insertScenario(scenario('S1', ['4403']), 'again');
      expect(await store.getScenarioBody('S1')).toBe('again');
    });
  });

  describe('solutions', () => {
    beforeEach(async () => {
      await store.insertScenario(scenario('S1'), '{}');
    });

    test('insert with a job stores the solution and marks the job succeeded', async () => {
      const job = await store.insertJob({ id: 'J1', kind: 'solve', scenarioId: 'S1', params: { mode: 'fast' } });
      await store.updateJob('J1', { status: 'running', progress: 0.9, phase: 'improving' });
      const sol = await store.insertSolution({ id: 'P1', scenarioId: 'S1' }, '{"schema":"ovola.solution/v1"}', 'J1');
      expect(Object.keys(sol).sort()).toEqual(['createdAt', 'id', 'scenarioId']);
      expect(sol).toEqual({ id: 'P1', scenarioId: 'S1', createdAt: expect.stringMatching(ISO_MS) });
      expect(await store.getSolution('P1')).toEqual(sol);
      expect(await store.getSolutionBody('P1')).toBe('{"schema":"ovola.solution/v1"}');
      const done = await store.getJob('J1');
      expect(done).toMatchObject({ status: 'succeeded', solutionId: 'P1', error: null, phase: 'improving' });
      expect(done!.updatedAt).toBe(sol.createdAt);
      expect(done!.updatedAt > job.updatedAt).toBe(true);
    });

    test('insert without a job stores just the solution', async () => {
      await store.insertSolution({ id: 'P1', scenarioId: 'S1' }, 'body');
      expect(await store.getSolutionBody('P1')).toBe('body');
      expect(await store.getSolution('nope')).toBeUndefined();
      expect(await store.getSolutionBody('nope')).toBeUndefined();
    });

    test('a job that does not exist: the transaction fails and nothing is written', async () => {
      await rejectsWith(store.insertSolution({ id: 'P1', scenarioId: 'S1' }, 'body', 'no-such-job'), 'not_found');
      expect(await store.getSolution('P1')).toBeUndefined();
      expect(await store.getSolutionBody('P1')).toBeUndefined();
      // the id is still free, and the store still works after the rollback
      await store.insertSolution({ id: 'P1', scenarioId: 'S1' }, 'body');
      expect(await store.getSolutionBody('P1')).toBe('body');
    });

    test('a job already finished (cancelled) is not overwritten, and nothing is written', async () => {
      await store.insertJob({ id: 'J1', kind: 'solve', scenarioId: 'S1', params: {} });
      await store.updateJob('J1', { status: 'cancelled' });
      await rejectsWith(store.insertSolution({ id: 'P1', scenarioId: 'S1' }, 'body', 'J1'), 'conflict');
      expect(await store.getSolution('P1')).toBeUndefined();
      expect(await store.getJob('J1')).toMatchObject({ status: 'cancelled', solutionId: null });
    });

    test('a solution for a scenario that does not exist is refused', async () => {
      await rejectsWith(store.insertSolution({ id: 'P1', scenarioId: 'nope' }, 'body'), 'not_found');
      expect(await store.getSolution('P1')).toBeUndefined();
    });

    const at = (villageId: string, countyId: string, cityId = '4401') => ({ villageId, countyId, cityId });

    test('publishing claims an unowned village for the county the entry puts it in, and skips one another county owns', async () => {
      for (const id of ['P1', 'P2']) await store.insertSolution({ id, scenarioId: 'S1' }, id);
      const first = await store.publishVillages('P1', [at('V1', '440103'), at('V2', '440103')], META, () => true);
      expect(first).toEqual({ published: ['V1', 'V2'], skipped: [] });
      // P2 puts V2 in another county: V2 stays with P1, V3 is claimed for 440104
      const second = await store.publishVillages('P2', [at('V2', '440104'), at('V3', '440104'), { villageId: 'V4' }], { ...META, publisher: '另一司法局' }, () => true);
      expect(second).toEqual({
        published: ['V3'],
        skipped: [
          { villageId: 'V2', reason: 'owned-elsewhere', ownerCountyId: '440103' },
          { villageId: 'V4', reason: 'unplaced' },
        ],
      });
      expect((await store.listPublications()).map((p) => [p.villageId, p.solutionId, p.publisher])).toEqual([
        ['V1', 'P1', META.publisher],
        ['V2', 'P1', META.publisher],
        ['V3', 'P2', '另一司法局'],
      ]);
      expect(await store.villageOwners(['V1', 'V3', 'V4'])).toEqual(
        new Map([
          ['V1', { countyId: '440103', cityId: '4401', source: 'claim' }],
          ['V3', { countyId: '440104', cityId: '4401', source: 'claim' }],
        ]),
      );
      expect(await store.countPublications(['P1', 'P2', 'P3'])).toEqual(new Map([['P1', 2], ['P2', 1], ['P3', 0]]));
    });

    test('a refused owner is skipped and not claimed; a later solution of the owner replaces the card', async () => {
      for (const id of ['P1', 'P2']) await store.insertSolution({ id, scenarioId: 'S1' }, id);
      const refused = await store.publishVillages('P1', [at('V1', '440103'), at('V2', '440104')], META, (o) => o.countyId === '440103');
      expect(refused.skipped).toEqual([{ villageId: 'V2', reason: 'out-of-scope', ownerCountyId: '440104' }]);
      expect([...(await store.villageOwners(['V1', 'V2'])).keys()]).toEqual(['V1']);
      await store.publishVillages('P2', [at('V1', '440103')], { ...META, publisher: '新' }, () => true);
      expect((await store.listPublications()).map((p) => [p.villageId, p.solutionId, p.publisher])).toEqual([['V1', 'P2', '新']]);
    });

    test('unpublishing withdraws only the cards whose place the predicate allows', async () => {
      await store.insertSolution({ id: 'P1', scenarioId: 'S1' }, 'x');
      await store.publishVillages('P1', [at('V1', '440103'), at('V2', '440104'), at('V3', '440104')], META, () => true);
      expect((await store.unpublishVillages('P1', (p) => p.countyId === '440104')).sort()).toEqual(['V2', 'V3']);
      expect((await store.listPublications()).map((p) => p.villageId)).toEqual(['V1']);
      expect(await store.unpublishVillages('P1', () => false)).toEqual([]);
    });

    test('publishing a solution that does not exist changes nothing', async () => {
      await rejectsWith(store.publishVillages('nope', [at('V1', '440103')], META, () => true), 'not_found');
      expect(await store.listPublications()).toEqual([]);
      expect((await store.villageOwners(['V1'])).size).toBe(0);
    });

    test('concurrent publishes of one village leave exactly one card and one owner', async () => {
      const ids = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];
      for (const id of ids) await store.insertSolution({ id, scenarioId: 'S1' }, id);
      // PostgreSQL: a second pool as well. SQLite: one store per process (better-sqlite3 is
      // synchronous, so two connections in one process would block each other); the
      // multi-process case is the test above.
      const other = backend.name === 'postgres' ? open() : store;
      await Promise.all(ids.map((id, i) => (i % 2 ? other : store).publishVillages(id, [at('V1', i % 3 === 0 ? '440103' : '440104')], META, () => true)));
      const published = await store.listPublications();
      expect(published).toHaveLength(1);
      const owner = (await store.villageOwners(['V1'])).get('V1');
      expect(published[0].countyId).toBe(owner?.countyId);
    });

    test('the registry owns its villages: cards another county published are withdrawn, and an admin cannot re-assign them by claim', async () => {
      await store.insertSolution({ id: 'P1', scenarioId: 'S1' }, 'x');
      await store.publishVillages('P1', [at('V1', '440103'), at('V2', '440104'), at('V9', '440104')], META, () => true);
      const index = {
        regions: [
          { id: '4401', name: '广州市', level: 'city', parentId: null, countyId: null, cityId: '4401' },
          { id: '440103', name: '荔湾区', level: 'county', parentId: '4401', countyId: '440103', cityId: '4401' },
          { id: '440103001', name: '沙面街道', level: 'town', parentId: '440103', countyId: '440103', cityId: '4401' },
        ],
        villages: [
          { id: 'V1', name: '一村', townId: '440103001', countyId: '440103', cityId: '4401' },
          { id: 'V2', name: '二村', townId: '440103001', countyId: '440103', cityId: '4401' },
        ],
      };
      const { record, withdrawn } = await store.putDivisions('{"schema":"ovola.divisions/v1"}', index, 'admin');
      expect(withdrawn).toBe(1);
      expect(record).toMatchObject({ regions: 3, villages: 2, loadedBy: 'admin' });
      expect(await store.getDivisions()).toEqual(record);
      expect((await store.listPublications()).map((p) => p.villageId)).toEqual(['V1', 'V9']);
      expect((await store.villageOwners(['V2'])).get('V2')).toEqual({ countyId: '440103', cityId: '4401', source: 'registry' });
      const found = await store.findDivisions(['440103', 'nope'], ['V1', 'V9']);
      expect([...found.regions.keys()]).toEqual(['440103']);
      expect(found.villages.get('V1')).toEqual(index.villages[0]);
      await rejectsWith(store.setVillageOwner('V1', { countyId: '440104', cityId: '4401' }, 'admin'), 'conflict');
      // an unregistered village moves, and the card of the county it left is withdrawn
      expect(await store.setVillageOwner('V9', { countyId: '440105', cityId: '4401' }, 'admin')).toEqual({ withdrawn: true });
      expect((await store.listPublications()).map((p) => p.villageId)).toEqual(['V1']);
      // loading again replaces the registry
      await store.putDivisions('{}', { regions: index.regions, villages: [] }, 'admin2');
      expect((await store.villageOwners(['V2'])).get('V2')).toEqual({ countyId: '440104', cityId: '4401', source: 'claim' });
    });
  });

  describe('jobs', () => {
    beforeEach(async () => {
      await store.insertScenario(scenario('S1'), '{}');
    });

    test('lifecycle: queued, running with progress, failed; updatedAt moves', async () => {
      const params = { mode: 'solve', timeLimitS: 30, weights: { distance: 1, 负荷: 0.5 }, scope: ['4401'] };
      const job = await store.insertJob({ id: 'J1', kind: 'solve', scenarioId: 'S1', params });
      expect(Object.keys(job).sort()).toEqual([
        'createdAt',
        'error',
        'id',
        'kind',
        'params',
        'phase',
        'progress',
        'scenarioId',
        'solutionId',
        'status',
        'updatedAt',
        'calendarId',
        'keyId',
        'scope',
      ].sort());
      expect(job).toEqual({
        id: 'J1',
        kind: 'solve',
        scenarioId: 'S1',
        status: 'queued',
        progress: 0,
        phase: '',
        params,
        solutionId: null,
        calendarId: null,
        error: null,
        createdAt: expect.stringMatching(ISO_MS),
        updatedAt: job.createdAt,
        keyId: null,
        scope: null,
      });
      expect(await store.getJob('J1')).toEqual(job);

      await store.updateJob('J1', { status: 'running', progress: 0.25, phase: 'assigning' });
      const running = await store.getJob('J1');
      expect(running).toMatchObject({ status: 'running', progress: 0.25, phase: 'assigning', error: null });
      expect(running!.updatedAt > job.updatedAt).toBe(true);
      expect(running!.createdAt).toBe(job.createdAt);

      await store.updateJob('J1', { progress: 0.5 }); // only what is given changes
      expect(await store.getJob('J1')).toMatchObject({ status: 'running', progress: 0.5, phase: 'assigning' });

      await store.updateJob('J1', { status: 'failed', error: 'infeasible: 村 V7 has no adviser in reach' });
      expect(await store.getJob('J1')).toMatchObject({ status: 'failed', error: 'infeasible: 村 V7 has no adviser in reach' });
      await store.updateJob('J1', { error: null });
      expect((await store.getJob('J1'))?.error).toBeNull();

      expect(await store.getJob('nope')).toBeUndefined();
      await store.updateJob('nope', { status: 'running' }); // no-op
      expect(await store.getJob('nope')).toBeUndefined();
    });

    test('a job for a scenario that does not exist is refused; a duplicate id is a conflict', async () => {
      await rejectsWith(store.insertJob({ id: 'J1', kind: 'solve', scenarioId: 'nope', params: {} }), 'not_found');
      await store.insertJob({ id: 'J1', kind: 'calendar', scenarioId: 'S1', params: null });
      expect((await store.getJob('J1'))?.params).toBeNull();
      await rejectsWith(store.insertJob({ id: 'J1', kind: 'solve', scenarioId: 'S1', params: {} }), 'conflict');
    });

    test('failInterruptedJobs fails queued and running jobs only and counts them', async () => {
      const statuses = ['queued', 'running', 'running', 'succeeded', 'failed', 'cancelled'] as const;
      for (const [i, status] of statuses.entries()) {
        await store.insertJob({ id: `J${i}`, kind: i % 2 ? 'replan' : 'solve', scenarioId: 'S1', params: {} });
        if (status !== 'queued') await store.updateJob(`J${i}`, { status, error: status === 'failed' ? 'earlier' : null });
      }
      expect(await store.failInterruptedJobs('interrupted: the server restarted')).toBe(3);
      const after = await Promise.all(statuses.map((_, i) => store.getJob(`J${i}`)));
      expect(after.map((j) => [j?.status, j?.error])).toEqual([
        ['failed', 'interrupted: the server restarted'],
        ['failed', 'interrupted: the server restarted'],
        ['failed', 'interrupted: the server restarted'],
        ['succeeded', null],
        ['failed', 'earlier'],
        ['cancelled', null],
      ]);
      expect(await store.failInterruptedJobs('again')).toBe(0);
    });
  });

  describe('calendars', () => {
    const cal = (id: string, extra: Partial<Parameters<SqlStoreHandle['insertCalendar']>[0]> = {}) => ({
      id,
      solutionId: 'P1',
      scenarioId: 'S1',
      year: 2026,
      months: ['2026-03', '2026-04'],
      provisional: true,
      ...extra,
    });

    beforeEach(async () => {
      await store.insertScenario(scenario('S1'), '{}');
      await store.insertSolution({ id: 'P1', scenarioId: 'S1' }, '{}');
    });

    test('insert with a job stores the calendar and marks the job succeeded with its id', async () => {
      const job = await store.insertJob({ id: 'J1', kind: 'calendar', scenarioId: 'S1', params: { solutionId: 'P1', year: 2026 } });
      await store.updateJob('J1', { status: 'running', progress: 0.5, phase: 'month 2026-03' });
      const body = '{"schema":"ovola.calendar/v1","visits":[{"villageId":"村1"}]}';
      const rec = await store.insertCalendar(cal('C1'), body, 'J1');
      expect(Object.keys(rec).sort()).toEqual(['createdAt', 'id', 'months', 'provisional', 'scenarioId', 'scope', 'solutionId', 'year']);
      expect(rec).toEqual({ ...cal('C1'), scope: null, createdAt: expect.stringMatching(ISO_MS) });
      expect(await store.getCalendar('C1')).toEqual(rec);
      expect(await store.getCalendarBody('C1')).toBe(body);
      const done = await store.getJob('J1');
      expect(done).toMatchObject({ status: 'succeeded', calendarId: 'C1', solutionId: null, error: null });
      expect(done!.updatedAt).toBe(rec.createdAt);
      expect(done!.updatedAt > job.updatedAt).toBe(true);
      expect(await store.getCalendar('nope')).toBeUndefined();
      expect(await store.getCalendarBody('nope')).toBeUndefined();
    });

    test('provisional and year round-trip as boolean and number', async () => {
      await store.insertCalendar(cal('C1', { provisional: false, year: 2031, months: ['2031-12'] }), '{}');
      expect(await store.getCalendar('C1')).toMatchObject({ provisional: false, year: 2031, months: ['2031-12'] });
    });

    test('a job already cancelled is not overwritten and no calendar is written; an unknown job neither', async () => {
      await store.insertJob({ id: 'J1', kind: 'calendar', scenarioId: 'S1', params: {} });
      await store.updateJob('J1', { status: 'cancelled' });
      await rejectsWith(store.insertCalendar(cal('C1'), '{}', 'J1'), 'conflict');
      await rejectsWith(store.insertCalendar(cal('C2'), '{}', 'no-such-job'), 'not_found');
      expect(await store.getCalendar('C1')).toBeUndefined();
      expect(await store.getCalendar('C2')).toBeUndefined();
      expect(await store.getJob('J1')).toMatchObject({ status: 'cancelled', calendarId: null });
    });

    test('a calendar of a solution that does not exist is refused; a duplicate id is a conflict', async () => {
      await rejectsWith(store.insertCalendar(cal('C1', { solutionId: 'nope' }), '{}'), 'not_found');
      expect(await store.getCalendar('C1')).toBeUndefined();
      await store.insertCalendar(cal('C1'), 'first');
      await rejectsWith(store.insertCalendar(cal('C1'), 'second'), 'conflict');
      expect(await store.getCalendarBody('C1')).toBe('first');
    });

    test('a solution lists its calendars newest first, ties by id; other solutions apart', async () => {
      await store.insertSolution({ id: 'P2', scenarioId: 'S1' }, '{}');
      await store.insertCalendar(cal('C1'), '{}');
      await store.insertCalendar(cal('C2'), '{}');
      clock.step = 0;
      await store.insertCalendar(cal('C4'), '{}');
      await store.insertCalendar(cal('C3'), '{}');
      await store.insertCalendar(cal('X1', { solutionId: 'P2' }), '{}');
      expect((await store.listCalendars('P1')).map((c) => c.id)).toEqual(['C4', 'C3', 'C2', 'C1']);
      expect((await store.listCalendars('P2')).map((c) => c.id)).toEqual(['X1']);
      expect(await store.listCalendars('nope')).toEqual([]);
    });
  });

  describe('holiday tables', () => {
    test('put, get, replace; years apart', async () => {
      expect(await store.getHolidayTable(2031)).toBeUndefined();
      const first = await store.putHolidayTable(2031, '{"schema":"ovola.holidays/v1","year":2031,"source":"国务院办公厅"}');
      expect(first).toEqual({ year: 2031, body: '{"schema":"ovola.holidays/v1","year":2031,"source":"国务院办公厅"}', updatedAt: expect.stringMatching(ISO_MS) });
      expect(await store.getHolidayTable(2031)).toEqual(first);
      const second = await store.putHolidayTable(2031, '{"v":2}');
      expect(second.updatedAt > first.updatedAt).toBe(true);
      expect(await store.getHolidayTable(2031)).toEqual(second);
      await store.putHolidayTable(2032, '{"v":3}');
      expect((await store.getHolidayTable(2031))?.body).toBe('{"v":2}');
      expect((await store.getHolidayTable(2032))?.body).toBe('{"v":3}');
      expect(await store.getHolidayTable(2030)).toBeUndefined();
    });
  });

  describe('API keys', () => {
    test('insert, find by hash, count; the hash is unique', async () => {
      expect(await store.countApiKeys()).toBe(0);
      const key = await store.insertApiKey({ id: 'K1', scope: 'admin', label: 'ops 运维' }, 'hash-1');
      expect(key).toEqual({ id: 'K1', scope: 'admin', label: 'ops 运维', createdAt: expect.stringMatching(ISO_MS), lastUsedAt: null, revokedAt: null });
      expect(Object.keys(key).sort()).toEqual(['createdAt', 'id', 'label', 'lastUsedAt', 'revokedAt', 'scope']);
      await store.insertApiKey({ id: 'K2', scope: 'county:440106', label: '天河区' }, 'hash-2');
      expect(await store.findApiKeyByHash('hash-1')).toEqual(key);
      expect((await store.findApiKeyByHash('hash-2'))?.scope).toBe('county:440106');
      expect(await store.findApiKeyByHash('HASH-1')).toBeUndefined();
      expect(await store.findApiKeyByHash('nope')).toBeUndefined();
      expect(await store.countApiKeys()).toBe(2);
      await rejectsWith(store.insertApiKey({ id: 'K3', scope: 'admin', label: 'dup' }, 'hash-1'), 'conflict');
      expect(await store.countApiKeys()).toBe(2);
    });

    test('list: newest first by (createdAt, id), revoked ones too, paged by an opaque cursor', async () => {
      expect(await store.listApiKeys({ limit: 10 })).toEqual({ items: [] });
      clock.step = 0; // K2 and K3 tie on createdAt: the id decides
      await store.insertApiKey({ id: 'K1', scope: 'admin', label: 'one' }, 'h1');
      clock.t += 1000;
      await store.insertApiKey({ id: 'K3', scope: 'county:440106', label: 'three' }, 'h3');
      await store.insertApiKey({ id: 'K2', scope: 'city:4401', label: 'two' }, 'h2');
      clock.t += 1000;
      await store.insertApiKey({ id: 'K4', scope: 'admin', label: 'four' }, 'h4');
      await store.revokeApiKey('K3');
      const first = await store.listApiKeys({ limit: 2 });
      expect(first.items.map((k) => k.id)).toEqual(['K4', 'K3']);
      expect(first.items[1].revokedAt).toMatch(ISO_MS);
      expect(JSON.stringify(first)).not.toContain('h3'); // never the hash
      const second = await store.listApiKeys({ limit: 2, cursor: first.nextCursor });
      expect(second.items.map((k) => k.id)).toEqual(['K2', 'K1']);
      expect(second.nextCursor).toBeUndefined();
      await rejectsWith(store.listApiKeys({ limit: 2, cursor: 'not-a-cursor' }), 'invalid_cursor');
    });

    test('revoke: sets revokedAt once, found by hash still (so it can be refused); an unknown id is not_found', async () => {
      await store.insertApiKey({ id: 'K1', scope: 'county:440106', label: '天河区' }, 'hash-1');
      clock.t = Date.parse('2025-04-01T00:00:00.000Z');
      const revoked = await store.revokeApiKey('K1');
      expect(revoked).toMatchObject({ id: 'K1', label: '天河区', revokedAt: '2025-04-01T00:00:00.000Z' });
      expect((await store.findApiKeyByHash('hash-1'))?.revokedAt).toBe('2025-04-01T00:00:00.000Z');
      clock.t = Date.parse('2025-05-01T00:00:00.000Z');
      expect((await store.revokeApiKey('K1')).revokedAt).toBe('2025-04-01T00:00:00.000Z'); // twice is fine
      await rejectsWith(store.revokeApiKey('K-none'), 'not_found');
      expect(await store.countApiKeys()).toBe(1);
    });

    test('touch: lastUsedAt moves with each call; an unknown id is ignored', async () => {
      await store.insertApiKey({ id: 'K1', scope: 'admin', label: 'one' }, 'hash-1');
      clock.t = Date.parse('2025-04-01T00:00:00.000Z');
      await store.touchApiKey('K1');
      expect((await store.findApiKeyByHash('hash-1'))?.lastUsedAt).toBe('2025-04-01T00:00:00.000Z');
      clock.t = Date.parse('2025-04-01T00:05:00.000Z');
      await store.touchApiKey('K1');
      expect((await store.listApiKeys({ limit: 1 })).items[0].lastUsedAt).toBe('2025-04-01T00:05:00.000Z');
      await store.touchApiKey('K-none');
    });
  });

  describe('audit trail', () => {
    const row = (extra: Partial<NewAuditRecord> = {}): NewAuditRecord => ({
      keyId: 'K1',
      keyLabel: '天河区司法局',
      scope: 'county:440106',
      method: 'POST',
      route: '/v1/solutions/:id/publish',
      target: 'P1',
      region: '440106',
      status: 200,
      detail: null,
      ...extra,
    });

    test('insert sets id and at; records round-trip with their nulls', async () => {
      clock.t = Date.parse('2025-04-01T08:00:00.000Z');
      const rec = await store.insertAudit(row());
      expect(rec).toEqual({ ...row(), id: expect.any(String), at: '2025-04-01T08:00:00.000Z' });
      const bare = await store.insertAudit(row({ keyId: null, keyLabel: null, scope: null, target: null, region: null, status: 401, detail: 'Unauthorized' }));
      expect((await store.listAudit({ limit: 10 })).items).toEqual([bare, rec]);
    });

    test('newest first, paged; filters by region, key and time (from inclusive, to exclusive), combined', async () => {
      const at = (iso: string) => (clock.t = Date.parse(iso));
      at('2025-04-01T00:00:00.000Z');
      await store.insertAudit(row({ target: 'a' }));
      at('2025-04-02T00:00:00.000Z');
      await store.insertAudit(row({ target: 'b', region: '4401', keyId: 'K2' }));
      at('2025-04-03T00:00:00.000Z');
      await store.insertAudit(row({ target: 'c' }));
      clock.step = 0;
      at('2025-04-04T00:00:00.000Z');
      for (const t of ['d1', 'd2', 'd3']) await store.insertAudit(row({ target: t, region: null, keyId: 'env' }));
      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const p = await store.listAudit({ limit: 2, cursor });
        all.push(...p.items.map((a) => a.target!));
        cursor = p.nextCursor;
      } while (cursor);
      expect(all).toEqual(['d3', 'd2', 'd1', 'c', 'b', 'a']); // rows of one millisecond keep their order
      const targets = async (q: Omit<Parameters<typeof store.listAudit>[0], 'limit'>) => (await store.listAudit({ limit: 50, ...q })).items.map((a) => a.target);
      expect(await targets({ region: '440106' })).toEqual(['c', 'a']);
      expect(await targets({ keyId: 'K2' })).toEqual(['b']);
      expect((await targets({ keyId: 'env' })).length).toBe(3);
      expect(await targets({ from: '2025-04-02T00:00:00.000Z', to: '2025-04-03T00:00:00.000Z' })).toEqual(['b']);
      // any offset, compared as an instant: 08:00 in China is midnight UTC
      expect(await targets({ from: '2025-04-03T08:00:00+08:00', region: '440106' })).toEqual(['c']);
      expect(await targets({ to: '2025-04-02T00:00:00.001Z', keyId: 'K1' })).toEqual(['a']);
      expect(await targets({ region: '440106', from: '2025-04-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' })).toEqual([]);
      const page1 = await store.listAudit({ limit: 1, region: '440106' });
      expect((await store.listAudit({ limit: 1, region: '440106', cursor: page1.nextCursor })).items.map((a) => a.target)).toEqual(['a']);
      await rejectsWith(store.listAudit({ limit: 1, cursor: '!!' }), 'invalid_cursor');
      await expect(store.listAudit({ limit: 1, from: 'yesterday' })).rejects.toThrow(/from/);
    });
  });

  describe('large bodies', () => {
    test('a 7 MB scenario and an 8 MB solution round-trip intact, UTF-8 included', async () => {
      const scenarioBody = bigDocument(7 * 1024 * 1024, 'ovola.scenario/v1');
      const solutionBody = bigDocument(8 * 1024 * 1024, 'ovola.solution/v1');
      expect(Buffer.byteLength(scenarioBody, 'utf8')).toBeGreaterThan(7 * 1024 * 1024);
      await store.insertScenario(scenario('BIG'), scenarioBody);
      await store.insertSolution({ id: 'BIGSOL', scenarioId: 'BIG' }, solutionBody);
      const back = await store.getScenarioBody('BIG');
      expect(back?.length).toBe(scenarioBody.length);
      expect(back === scenarioBody).toBe(true); // not toBe: a failed diff of 7 MB is unreadable
      expect((await store.getSolutionBody('BIGSOL')) === solutionBody).toBe(true);
      // listing does not drag the bodies along
      const page = await store.listScenarios({ limit: 1 });
      expect(JSON.stringify(page).length).toBeLessThan(1000);
    });
  });

  describe('ping and close', () => {
    test('ping is true while open and false after close; close twice is fine; calls after close fail cleanly', async () => {
      expect(await store.ping()).toBe(true);
      await store.close();
      expect(await store.ping()).toBe(false);
      await store.close();
      await rejectsWith(store.getScenario('S1'), 'closed');
      await rejectsWith(store.migrate(), 'closed');
    });

    test('closing a store that never ran a query', async () => {
      const idle = open();
      await idle.close();
      await idle.close();
      expect(await idle.ping()).toBe(false);
    });
  });
});

describe('createStore', () => {
  test('makes the SQLite folder and uses WAL for files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ovola-store-'));
    try {
      const path = join(dir, 'a', 'b', 'ovola.db');
      const store = createStore({ sqlitePath: path });
      await store.migrate();
      await store.insertScenario(scenario('S1'), '{}');
      expect(existsSync(path)).toBe(true);
      expect(existsSync(`${path}-wal`)).toBe(true);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a new SQLite file, its -wal and -shm are 0600 in a folder made 0700; an existing file keeps its mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ovola-store-'));
    const mode = (p: string) => statSync(p).mode & 0o777;
    try {
      const path = join(dir, 'var', 'ovola.db');
      const store = createStore({ sqlitePath: path });
      await store.migrate();
      await store.insertApiKey({ id: 'K1', scope: 'admin', label: 'one' }, 'hash-1');
      expect(mode(join(dir, 'var'))).toBe(0o700);
      for (const p of [path, `${path}-wal`, `${path}-shm`]) expect(mode(p), p).toBe(0o600);
      await store.close();

      const old = join(dir, 'old.db');
      writeFileSync(old, '');
      chmodSync(old, 0o640);
      const again = createStore({ sqlitePath: old });
      await again.migrate();
      await again.close();
      expect(mode(old)).toBe(0o640);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses a schema name that is not a plain identifier', () => {
    expect(() => createStore({ databaseUrl: 'postgres://localhost/x', schema: 'a"; drop table x; --' })).toThrow(/schema/);
  });
});
