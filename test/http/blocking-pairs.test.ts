/** GET /v1/solutions/:id/blocking-pairs: the solution's blocking pairs a page at a time, in order, each once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareBlockingPairs, parseScenario, type Solution } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { indexAfter } from '../../src/http/routes/solutions.js';
import { solve } from '../../src/solver/solve.js';
import { encodePairCursor } from '../../src/store/cursor.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';

const ADMIN = 'test-admin-key-blocking-pairs-0123456789';
const auth = { authorization: `Bearer ${ADMIN}` };

const scenario = parseScenario(generateScenario({ preset: 'county', seed: 3 }));
let solution: Solution;
let store: Store;
let app: App;
let solutionId: string;

beforeAll(async () => {
  store = createStore({ sqlitePath: ':memory:' });
  await store.migrate();
  app = await buildApp({ store, adminKey: ADMIN, workers: 1 });
  const created = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth, payload: scenario });
  expect(created.statusCode, created.body).toBe(201);
  solution = solve(scenario);
  solutionId = (await store.insertSolution({ id: 'sol-pairs-1', scenarioId: created.json().id }, JSON.stringify(solution))).id;
});

afterAll(async () => {
  await app.close();
  await store.close();
});

type Page = { solutionId: string; count: number; items: [string, string][]; next?: string };
const page = async (query: string) => {
  const res = await app.inject({ url: `/v1/solutions/${solutionId}/blocking-pairs${query}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};

describe('paging the blocking pairs', () => {
  it('the scenario has enough pairs to need several pages', () => {
    expect(solution.blockingPairs.length).toBeGreaterThan(1000);
  });

  it.each([1000, 97, 10_000])('pages of %i cover every pair exactly once, in order', async (limit) => {
    const seen: [string, string][] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const p = await page(`?limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(p.solutionId).toBe(solutionId);
      expect(p.count).toBe(solution.blockingPairs.length);
      expect(p.items.length).toBeLessThanOrEqual(limit);
      seen.push(...p.items);
      pages++;
      if (!p.next) break;
      expect(p.items).toHaveLength(limit);
      after = p.next;
    }
    expect(pages).toBe(Math.max(1, Math.ceil(solution.blockingPairs.length / limit)));
    expect(seen).toEqual(solution.blockingPairs);
    expect(seen.slice().sort(compareBlockingPairs)).toEqual(seen);
    expect(new Set(seen.map((p) => JSON.stringify(p))).size).toBe(seen.length);
  });

  it('1,000 by default', async () => {
    const p = await page('');
    expect(p.items).toEqual(solution.blockingPairs.slice(0, 1000));
    expect(p.next).toBeDefined();
  });

  it('a page can start after any pair, listed or not', async () => {
    const pairs = solution.blockingPairs;
    const p = await page(`?limit=3&after=${encodePairCursor(pairs[10])}`);
    expect(p.items).toEqual(pairs.slice(11, 14));
    // a position between two listed pairs: the next listed one comes first
    const between: [string, string] = [pairs[20][0], `${pairs[20][1]}\u0001`];
    expect((await page(`?limit=1&after=${encodePairCursor(between)}`)).items).toEqual([pairs[21]]);
    expect(indexAfter(pairs, ['', ''])).toBe(0);
    expect(indexAfter(pairs, pairs[pairs.length - 1])).toBe(pairs.length);
  });

  it('a solution without blocking pairs answers an empty page without next', async () => {
    const empty = await store.insertSolution({ id: 'sol-pairs-none', scenarioId: (await store.getSolution(solutionId))!.scenarioId }, JSON.stringify({ ...solution, blockingPairs: [] }));
    const res = await app.inject({ url: `/v1/solutions/${empty.id}/blocking-pairs`, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ solutionId: empty.id, count: 0, items: [] });
  });
});

describe('bad input', () => {
  it.each([
    ['after=nonsense', 'querystring.after'],
    [`after=${Buffer.from('[1,2]').toString('base64url')}`, 'querystring.after'],
    ['after=', 'querystring.after'],
    ['limit=0', 'querystring.limit'],
    ['limit=10001', 'querystring.limit'],
    ['limit=abc', 'querystring.limit'],
    ['limit=1.5', 'querystring.limit'],
  ])('%s → 400 problem+json naming %s', async (query, path) => {
    const res = await app.inject({ url: `/v1/solutions/${solutionId}/blocking-pairs?${query}`, headers: auth });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('an unknown solution → 404; no key → 401', async () => {
    expect((await app.inject({ url: '/v1/solutions/nope/blocking-pairs', headers: auth })).statusCode).toBe(404);
    expect((await app.inject({ url: `/v1/solutions/${solutionId}/blocking-pairs` })).statusCode).toBe(401);
  });
});
