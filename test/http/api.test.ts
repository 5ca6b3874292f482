import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSolution } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { hashKey } from '../../src/http/auth.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { validateSolution } from '../../src/validate/index.js';
import { parseScenario } from '../../src/domain/index.js';

const ADMIN = 'test-admin-key-0123456789';
const CITY_KEY = 'ovk_city_key_for_tests_000000';
const OTHER_COUNTY_KEY = 'ovk_other_county_key_for_tests';
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

let store: Store;
let app: App;
const county = generateScenario({ preset: 'county', seed: 7 });
/** The city of the county's villages (not the one its paired lawyers come from). */
const cityCode = (() => {
  const parent = new Map(county.regions.map((r) => [r.id, r.parentId]));
  return parent.get(parent.get(county.villages[0].townId)!)!;
})();

async function waitForJob(jobId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 600; i++) {
    const res = await app.inject({ method: 'GET', url: `/v1/jobs/${jobId}`, headers: auth(ADMIN) });
    const job = res.json();
    if (!['queued', 'running'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

beforeAll(async () => {
  store = createStore({ sqlitePath: ':memory:' });
  await store.migrate();
  await store.insertApiKey({ id: 'k1', scope: `city:${cityCode}`, label: 'city' }, hashKey(CITY_KEY));
  await store.insertApiKey({ id: 'k2', scope: 'county:999999', label: 'elsewhere' }, hashKey(OTHER_COUNTY_KEY));
  app = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, workers: 1 });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

describe('health', () => {
  it('answers /healthz and /readyz without a key', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const spec = (await app.inject('/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/scenarios', '/v1/scenarios/{id}/solve', '/v1/jobs/{jobId}', '/v1/public/villages/{villageId}']));
    expect((await app.inject('/docs')).statusCode).toBeLessThan(400);
  });
});

describe('errors are problem+json', () => {
  it('no key → 401', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/scenarios' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('an unknown key → 401', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/scenarios', headers: auth('ovk_nope') })).statusCode).toBe(401);
  });

  it('bad JSON → 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: { ...auth(ADMIN), 'content-type': 'application/json' }, payload: '{"schema": ' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('a scenario with errors → 422 naming every failing path', async () => {
    const bad = structuredClone(county) as Record<string, unknown> & typeof county;
    bad.lawyers[1].firmId = 'F-none';
    (bad.villages[0] as { location: number[] }).location = [200, 23];
    const res = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(ADMIN), payload: bad });
    expect(res.statusCode).toBe(422);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['villages[0].location[0]']));
    const again = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(ADMIN), payload: { ...county, lawyers: bad.lawyers } });
    expect(again.json().errors).toEqual([{ path: 'lawyers[1].firmId', message: 'unknown firm', code: 'unknown_reference', value: 'F-none' }]);
  });

  it('a solve request with a wrong field → 400 with the body path', async () => {
    const created = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(ADMIN), payload: county });
    const res = await app.inject({ method: 'POST', url: `/v1/scenarios/${created.json().id}/solve`, headers: auth(ADMIN), payload: { mode: 'fastest' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.mode');
  });

  it('an unknown id → 404', async () => {
    for (const url of ['/v1/scenarios/nope', '/v1/jobs/nope', '/v1/solutions/nope', '/v1/public/villages/nope']) {
      const res = await app.inject({ method: 'GET', url, headers: auth(ADMIN) });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().detail, url).toContain('"nope"');
    }
  });

  it('an oversized body → 413', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: { ...auth(ADMIN), 'content-type': 'application/json' }, payload: `{"x":"${'a'.repeat(17 * 1024 * 1024)}"}` });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('a 500 reveals nothing internal', async () => {
    const failing = new Proxy(store, {
      get(target, key) {
        if (key === 'listScenarios') return async () => Promise.reject(new Error('secret table xyz missing'));
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const broken = await buildApp({ defaultLanguage: 'en',  store: failing, adminKey: ADMIN });
    const res = await broken.inject({ method: 'GET', url: '/v1/scenarios', headers: auth(ADMIN) });
    await broken.close();
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.json()).toMatchObject({ status: 500, title: 'Internal Server Error' });
  });
});

describe('scenarios, solve jobs, solutions and the public look-up', () => {
  let scenarioId: string;
  let solutionId: string;

  it('creates a scenario with a summary, lists and gets it', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(ADMIN), payload: county });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    scenarioId = body.id;
    expect(res.headers.location).toBe(`/v1/scenarios/${scenarioId}`);
    expect(body.summary.villages).toBe(county.villages.length);
    expect(body.summary.lawyers.practicing + body.summary.lawyers.intern).toBe(county.lawyers.length);
    expect(body.regions).toContain(cityCode);
    const list = (await app.inject({ method: 'GET', url: '/v1/scenarios?limit=1', headers: auth(ADMIN) })).json();
    expect(list.items).toHaveLength(1);
    expect(list.nextCursor).toBeDefined();
    const doc = (await app.inject({ method: 'GET', url: `/v1/scenarios/${scenarioId}/document`, headers: auth(ADMIN) })).json();
    expect(doc.villages[0].name).toBe(county.villages[0].name);
  });

  it('solves in a job: 202 with Location, then the job succeeds with a valid solution', async () => {
    const res = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/solve`, headers: auth(ADMIN), payload: {} });
    expect(res.statusCode).toBe(202);
    expect(res.headers.location).toBe(`/v1/jobs/${res.json().jobId}`);
    const job = await waitForJob(res.json().jobId);
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'succeeded', progress: 1 });
    solutionId = job.solutionId as string;
    const sol = await app.inject({ method: 'GET', url: `/v1/solutions/${solutionId}`, headers: auth(ADMIN) });
    const doc = sol.json();
    expect(doc).toMatchObject({ id: solutionId, scenarioId, schema: 'ovola.solution/v1', status: 'optimal' });
    const { id: _id, scenarioId: _s, createdAt: _c, publishedVillages: _p, ...plain } = doc;
    expect(validateSolution(parseScenario(county), parseSolution(plain))).toEqual([]);
  });

  it('a city key sees its city; another county key sees nothing of it (404) and may not publish it', async () => {
    expect((await app.inject({ method: 'GET', url: `/v1/scenarios/${scenarioId}`, headers: auth(CITY_KEY) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/v1/scenarios/${scenarioId}`, headers: auth(OTHER_COUNTY_KEY) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/v1/scenarios', headers: auth(OTHER_COUNTY_KEY) })).json().items).toEqual([]);
    const upload = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(OTHER_COUNTY_KEY), payload: county });
    expect(upload.statusCode).toBe(403);
  });

  it('publishes the solution; the public look-up shows the adviser card with ETag, no key needed', async () => {
    const pub = await app.inject({ method: 'POST', url: `/v1/solutions/${solutionId}/publish`, headers: auth(CITY_KEY), payload: {} });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ id: solutionId, published: county.villages.length, skippedCount: 0, publishedVillages: county.villages.length });
    const solution = (await app.inject({ method: 'GET', url: `/v1/solutions/${solutionId}`, headers: auth(ADMIN) })).json();
    const a = solution.assignments[0];
    const lawyer = county.lawyers.find((l) => l.id === a.lawyerId)!;
    const res = await app.inject({ method: 'GET', url: `/v1/public/villages/${a.villageId}` });
    expect(res.statusCode).toBe(200);
    const card = res.json();
    expect(card.adviser).toEqual({ name: lawyer.name, firm: county.firms.find((f) => f.id === lawyer.firmId)!.name, phone: lawyer.contact?.phone, email: lawyer.contact?.email, wechat: lawyer.contact?.wechat });
    expect(Object.keys(card.adviser)).not.toContain('id');
    expect(card.supervisingBureau.bureau).toMatch(/司法局$/);
    expect(card.complaintEmail).toBe(county.notice?.complaintEmail);
    const again = await app.inject({ method: 'GET', url: `/v1/public/villages/${a.villageId}`, headers: { 'if-none-match': res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(res.headers['cache-control']).toContain('max-age');
  });

  it('rate-limits the public look-up per client with a 429 problem', async () => {
    const limited = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, publicRateLimit: 2 });
    const solution = (await app.inject({ method: 'GET', url: `/v1/solutions/${solutionId}`, headers: auth(ADMIN) })).json();
    const url = `/v1/public/villages/${solution.assignments[0].villageId}`;
    expect((await limited.inject(url)).statusCode).toBe(200);
    expect((await limited.inject(url)).statusCode).toBe(200);
    const refused = await limited.inject(url);
    await limited.close();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('cancels a queued job', async () => {
    const slow = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, workers: 1 });
    const first = (await slow.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/solve`, headers: auth(ADMIN), payload: {} })).json();
    const second = (await slow.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/solve`, headers: auth(ADMIN), payload: {} })).json();
    const cancelled = await slow.inject({ method: 'DELETE', url: `/v1/jobs/${second.jobId}`, headers: auth(ADMIN) });
    expect(cancelled.json().status).toBe('cancelled');
    const running = await slow.inject({ method: 'DELETE', url: `/v1/jobs/${first.jobId}`, headers: auth(ADMIN) });
    expect(['cancelled', 'succeeded']).toContain(running.json().status);
    await slow.close();
  });

  it('deletes a scenario with its solutions', async () => {
    expect((await app.inject({ method: 'DELETE', url: `/v1/scenarios/${scenarioId}`, headers: auth(ADMIN) })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/v1/solutions/${solutionId}`, headers: auth(ADMIN) })).statusCode).toBe(404);
  });
});
