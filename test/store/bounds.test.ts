/**
 * The store under hostile input and failure: documents in parts (a province is never one statement), a
 * database that does not answer is StoreError `unavailable` (the HTTP layer's 503), text PostgreSQL cannot
 * hold is `invalid_input`. SQLite always; PostgreSQL too when DATABASE_URL is set:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run test/store
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite, postgresUnavailable } from '../../src/store/dialects.js';
import { createStore, isStoreError, StoreError } from '../../src/store/index.js';
import { DOC_PART_CHARS } from '../../src/store/parts.js';
import { SqlStore } from '../../src/store/sql-store.js';
import type { Store } from '../../src/store/types.js';
import { DATABASE_URL, testStore } from '../fixtures/store.js';

let store: Store;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ store, drop } = await testStore('bounds'));
});

afterAll(async () => {
  await drop?.();
});

/** A JSON-ish document of about `chars` characters, half of them Chinese. */
const documentOf = (chars: number) => JSON.stringify({ name: '村'.repeat(chars / 2), rest: 'x'.repeat(chars / 2) });

async function collect(parts: AsyncIterable<string> | undefined): Promise<string[]> {
  const out: string[] = [];
  for await (const p of parts ?? []) out.push(p);
  return out;
}

describe('documents in parts', () => {
  it('a scenario larger than a part is written and read a part at a time, the same text back', async () => {
    const body = documentOf(3 * DOC_PART_CHARS);
    const rec = await store.insertScenario({ id: randomUUID(), parentId: null, name: 'big', summary: {}, regions: ['4401'] }, body);
    expect(await store.getScenarioBody(rec.id)).toBe(body);
    const parts = await collect(await store.getScenarioParts(rec.id));
    expect(parts.length).toBe(Math.ceil(body.length / DOC_PART_CHARS));
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(DOC_PART_CHARS);
    expect(parts.join('')).toBe(body);
    // given as parts (a generator), as the IO worker's answer is
    const given = ['{"a":', '"村', '"}'];
    const small = await store.insertScenario({ id: randomUUID(), parentId: null, name: 'parts', summary: {}, regions: [] }, (function* () {
      yield* given;
    })());
    expect(await store.getScenarioBody(small.id)).toBe(given.join(''));
    expect(await store.getScenarioParts('nope')).toBeUndefined();
  });

  it('a solution in parts completes its job in the same transaction; deleting the scenario takes every part', async () => {
    const scenario = await store.insertScenario({ id: randomUUID(), parentId: null, name: 's', summary: {}, regions: [] }, documentOf(2 * DOC_PART_CHARS));
    const job = await store.insertJob({ id: randomUUID(), kind: 'solve', scenarioId: scenario.id, params: {} });
    const body = documentOf(2 * DOC_PART_CHARS + 10);
    const solution = await store.insertSolution({ id: randomUUID(), scenarioId: scenario.id }, body, job.id);
    expect(await store.getJob(job.id)).toMatchObject({ status: 'succeeded', solutionId: solution.id });
    expect(await store.getSolutionBody(solution.id)).toBe(body);
    // a second result for a finished job writes nothing, its parts included
    const again = randomUUID();
    await expect(store.insertSolution({ id: again, scenarioId: scenario.id }, body, job.id)).rejects.toSatisfy((e) => isStoreError(e, 'conflict'));
    expect(await store.getSolutionParts(again)).toBeUndefined();
    expect(await store.deleteScenario(scenario.id)).toBe(true);
    expect(await store.getScenarioParts(scenario.id)).toBeUndefined();
    expect(await store.getSolutionParts(solution.id)).toBeUndefined();
  });

  it('a write cut short leaves no parts behind', async () => {
    const id = randomUUID();
    let n = 0;
    // the generator fails after two parts, as a write cut short would
    const failing = (function* () {
      yield 'a'.repeat(10);
      yield 'b'.repeat(10);
      n++;
      throw new Error('cut short');
    })();
    await expect(store.insertScenario({ id, parentId: null, name: 'x', summary: {}, regions: [] }, failing)).rejects.toThrow('cut short');
    expect(n).toBe(1);
    expect(await store.getScenarioParts(id)).toBeUndefined();
    await store.failInterruptedJobs('restart');
  });
});

describe('a database that does not answer is `unavailable`', () => {
  it('PostgreSQL on a closed port', async () => {
    const dead = createStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', poolSize: 1 });
    try {
      const err = await dead.getScenario('x').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('unavailable');
    } finally {
      await dead.close();
    }
  });

  it('PostgreSQL errors by their codes and messages', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', '57P01', '57P03', '08006', '08001', '53300']) expect(postgresUnavailable(Object.assign(new Error('x'), { code })), code).toBe(true);
    for (const message of ['timeout exceeded when trying to connect', 'Connection terminated unexpectedly', 'Cannot use a pool after calling end on the pool']) expect(postgresUnavailable(new Error(message)), message).toBe(true);
    for (const code of ['23505', '42P01', '22P02']) expect(postgresUnavailable(Object.assign(new Error('x'), { code })), code).toBe(false);
  });

  it('SQLite: a closed store is `closed`; a lock held past the busy timeout is `unavailable`', async () => {
    const own = createStore({ sqlitePath: ':memory:' });
    await own.migrate();
    await own.close();
    await expect(own.getScenario('x')).rejects.toSatisfy((e) => isStoreError(e, 'closed'));

    const dir = mkdtempSync(join(tmpdir(), 'ovola-busy-'));
    const path = join(dir, 'busy.db');
    const file = new SqlStore(openSqlite({ path, busyTimeoutMs: 20 }));
    await file.migrate();
    const other = new BetterSqlite3(path);
    try {
      other.exec('begin immediate');
      const err = await file.insertScenario({ id: 'a', parentId: null, name: 'a', summary: {}, regions: [] }, '{}').catch((e: unknown) => e);
      expect((err as StoreError).code).toBe('unavailable');
    } finally {
      other.exec('rollback');
      other.close();
      await file.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(DATABASE_URL)('PostgreSQL and NUL', () => {
  it('text with a NUL it cannot hold is `invalid_input` (the HTTP layer refuses it before; this is the backstop)', async () => {
    const err = await store.insertScenario({ id: randomUUID(), parentId: null, name: 'a\u0000b', summary: {}, regions: [] }, '{}').catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('invalid_input');
    const lookup = await store.getScenario('a\u0000').catch((e: unknown) => e);
    expect((lookup as StoreError).code).toBe('invalid_input');
  });
});
