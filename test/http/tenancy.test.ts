/**
 * Tenancy: every write stays in its key's region, and a village's public card is only ever changed by
 * the bureau that owns it. Each case a security review found is a test here, on both stores.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import type { Store } from '../../src/store/types.js';
import { testStore } from '../fixtures/store.js';
import { CITY, COUNTY, keyText, NEIGHBOUR, storeKeys, storeSolved, tenancyScenario, type KeyName } from '../fixtures/tenancy.js';

let store: Store;
let drop: () => Promise<void>;
let app: App;

const auth = (key: KeyName) => ({ authorization: `Bearer ${keyText(key)}` });
const ADMIN_ENV = 'test-admin-key-0123456789';

async function card(villageId: string) {
  const res = await app.inject({ url: `/v1/public/villages/${villageId}` });
  return res.statusCode === 200 ? res.json() : null;
}

const publish = (solutionId: string, key: KeyName) => app.inject({ method: 'POST', url: `/v1/solutions/${solutionId}/publish`, headers: auth(key), payload: {} });

/** Each test has a store of its own: who owns a village is recorded for good once a county publishes it. */
beforeEach(async () => {
  ({ store, drop } = await testStore('tenancy'));
  await storeKeys(store);
  app = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN_ENV, workers: 1 });
});

afterEach(async () => {
  await app.close();
  await drop();
});

describe('who owns a village', () => {
  it("a county of another city cannot rewrite a village's public card by reusing its id", async () => {
    const own = await storeSolved(store, tenancyScenario(['a1', 'a2']));
    expect((await publish(own.solutionId, 'countyOwn')).json()).toMatchObject({ published: 2, skippedCount: 0 });
    const before = await card('a1');
    expect(before).toMatchObject({ village: { county: '东区', city: '甲市' }, publishedBy: '东区司法局' });

    // county 440303 (city 4403) names its own village "a1"
    const hostile = tenancyScenario(['c1'], { place: { c1: { id: 'a1', town: 'T3' } } });
    const up = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth('countyFar'), payload: hostile });
    expect(up.statusCode).toBe(201);
    const solved = await app.inject({ method: 'POST', url: `/v1/scenarios/${up.json().id}/solve`, headers: auth('countyFar'), payload: {} });
    expect(solved.statusCode).toBe(202);
    const job = await waitForJob(solved.json().jobId, 'countyFar');
    const res = await publish(job.solutionId, 'countyFar');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ published: 0, skippedCount: 1, skipped: [{ villageId: 'a1', reason: 'owned-elsewhere', ownerCountyId: COUNTY }] });
    expect(await card('a1')).toEqual(before);
  });

  it('with a divisions registry loaded, a scenario that places a registered village in another town is refused with the path', async () => {
    const registry = {
      schema: 'ovola.divisions/v1',
      regions: [
        { id: CITY, name: '甲市', level: 'city' },
        { id: COUNTY, name: '东区', level: 'county', parentId: CITY },
        { id: 'T1', name: '一镇', level: 'town', parentId: COUNTY },
      ],
      villages: [{ id: 'a1', name: 'a1村', townId: 'T1', location: [113, 23] }],
    };
    expect((await app.inject({ method: 'PUT', url: '/v1/divisions', headers: auth('cityOwn'), payload: registry })).statusCode).toBe(403);
    // checked in the IO worker like an upload: bad JSON is a 400, a registry that does not hold together a 422 naming the path
    const notJson = await app.inject({ method: 'PUT', url: '/v1/divisions', headers: { ...auth('admin'), 'content-type': 'application/json' }, payload: '{"schema":' });
    expect(notJson.statusCode).toBe(400);
    const orphan = { ...registry, villages: [{ id: 'x', name: 'x村', townId: 'nope', location: [113, 23] }] };
    const refused = await app.inject({ method: 'PUT', url: '/v1/divisions', headers: auth('admin'), payload: orphan });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'villages[0].townId', message: 'unknown town' })]);
    const loaded = await app.inject({ method: 'PUT', url: '/v1/divisions', headers: auth('admin'), payload: registry });
    expect(loaded.statusCode).toBe(200);
    expect(loaded.json()).toMatchObject({ regions: 3, villages: 1, withdrawn: 0 });
    try {
      const hostile = tenancyScenario(['c1'], { place: { c1: { id: 'a1', town: 'T3' } } });
      const up = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth('countyFar'), payload: hostile });
      expect(up.statusCode).toBe(422);
      expect(up.json().errors).toEqual([expect.objectContaining({ path: 'villages[0].townId', value: 'T3' })]);
      // a registered region under another parent is refused as well
      const moved = tenancyScenario(['a1']);
      moved.regions.find((r) => r.id === 'T1')!.parentId = NEIGHBOUR;
      const up2 = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth('admin'), payload: moved });
      expect(up2.statusCode).toBe(422);
      expect(up2.json().errors.map((e: { path: string }) => e.path)).toContain('regions[3].parentId');
      expect((await app.inject({ url: '/v1/villages/a1/owner', headers: auth('countyFar') })).json()).toEqual({
        villageId: 'a1',
        owner: { countyId: COUNTY, cityId: CITY, source: 'registry' },
      });
    } finally {
      // (the next test has a store of its own)
    }
  });

  it('only an admin moves an unregistered village to another owner; the card of the county it left is withdrawn at once', async () => {
    const own = await storeSolved(store, tenancyScenario(['a1']));
    await publish(own.solutionId, 'countyOwn');
    const move = (key: KeyName) => app.inject({ method: 'PUT', url: '/v1/villages/a1/owner', headers: auth(key), payload: { countyId: NEIGHBOUR, cityId: CITY } });
    expect((await move('cityOwn')).statusCode).toBe(403);
    expect(await card('a1')).not.toBeNull();
    const moved = await move('admin');
    expect(moved.json()).toEqual({ villageId: 'a1', owner: { countyId: NEIGHBOUR, cityId: CITY, source: 'claim' }, withdrawn: true });
    expect(await card('a1')).toBeNull();
  });
});

describe('publishing touches only the cards the key owns', () => {
  it('a county key publishing a city plan publishes its own villages only', async () => {
    const city = await storeSolved(store, tenancyScenario(['a1', 'a2', 'b1', 'b2']));
    const res = await publish(city.solutionId, 'countyOwn');
    expect(res.json()).toMatchObject({ published: 2, skippedCount: 2, publishedVillages: 2 });
    expect(res.json().skipped.map((s: { villageId: string; reason: string }) => [s.villageId, s.reason])).toEqual([
      ['b1', 'out-of-scope'],
      ['b2', 'out-of-scope'],
    ]);
    expect(await card('a1')).not.toBeNull();
    expect(await card('b1')).toBeNull();
    // and nobody has claimed b1 for 440103
    expect((await app.inject({ url: '/v1/villages/b1/owner', headers: auth('countyOwn') })).json().owner).toBeNull();
  });

  it("a newer city plan replaces a county's earlier cards; an admin publishing a one-county plan leaves the rest of the city", async () => {
    const county = await storeSolved(store, tenancyScenario(['a1', 'a2'], { name: '县方案' }));
    await publish(county.solutionId, 'countyOwn');
    const city = await storeSolved(store, tenancyScenario(['a1', 'a2', 'b1', 'b2'], { name: '市方案' }));
    expect((await publish(city.solutionId, 'cityOwn')).json()).toMatchObject({ published: 4, skippedCount: 0 });
    for (const v of ['a1', 'a2', 'b1', 'b2']) expect((await card(v))?.publishedBy, v).toBe('甲市司法局');

    const again = await storeSolved(store, tenancyScenario(['a1', 'a2'], { name: '县方案二' }));
    expect((await publish(again.solutionId, 'admin')).json()).toMatchObject({ published: 2 });
    expect((await card('a1'))?.publishedBy).toBe('管理员(admin bureau)');
    expect((await card('b1'))?.publishedBy).toBe('甲市司法局');
    expect((await card('b2'))?.publishedBy).toBe('甲市司法局');
  });

  it('each card says which bureau published it, and when', async () => {
    const own = await storeSolved(store, tenancyScenario(['a1']));
    const before = new Date().toISOString();
    await publish(own.solutionId, 'countyOwn');
    const c = await card('a1');
    expect(c.publishedBy).toBe('东区司法局');
    expect(c.publishedAt >= before && c.publishedAt <= new Date().toISOString()).toBe(true);
    // and the audit trail says which key did it, for the county's region
    const trail = (await app.inject({ url: `/v1/audit?region=${COUNTY}`, headers: auth('admin') })).json().items;
    expect(trail).toContainEqual(
      expect.objectContaining({ method: 'POST', route: '/v1/solutions/:id/publish', target: own.solutionId, region: COUNTY, keyLabel: 'countyOwn bureau', scope: `county:${COUNTY}`, status: 200 }),
    );
  });

  it('unpublishing and deleting take effect on the look-up at once', async () => {
    const city = await storeSolved(store, tenancyScenario(['a1', 'a2', 'b1', 'b2']));
    await publish(city.solutionId, 'cityOwn');
    // a county withdraws its own villages' cards only
    const withdrawn = await app.inject({ method: 'DELETE', url: `/v1/solutions/${city.solutionId}/publish`, headers: auth('countyOwn') });
    expect(withdrawn.json()).toEqual({ id: city.solutionId, withdrawn: 2, publishedVillages: 2 });
    expect(await card('a1')).toBeNull();
    expect(await card('b1')).not.toBeNull();
    const gone = await app.inject({ method: 'DELETE', url: `/v1/scenarios/${city.scenarioId}`, headers: auth('cityOwn') });
    expect(gone.statusCode).toBe(204);
    expect(await card('b1')).toBeNull();
  });
});

describe('county keys write only within their county', () => {
  it('a county key cannot delete a city-wide scenario, and its published cards stay', async () => {
    const city = await storeSolved(store, tenancyScenario(['a1', 'b1']));
    await publish(city.solutionId, 'cityOwn');
    const res = await app.inject({ method: 'DELETE', url: `/v1/scenarios/${city.scenarioId}`, headers: auth('countyOwn') });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await store.getScenario(city.scenarioId)).toBeDefined();
    // the refusal is on record too
    const trail = (await app.inject({ url: `/v1/audit?region=${COUNTY}`, headers: auth('admin') })).json().items;
    expect(trail[0]).toMatchObject({ method: 'DELETE', route: '/v1/scenarios/:id', target: city.scenarioId, keyLabel: 'countyOwn bureau', status: 403 });
    expect(await card('b1')).not.toBeNull();
    // nor solve it; reading it is fine (a county re-plan needs its context)
    expect((await app.inject({ method: 'POST', url: `/v1/scenarios/${city.scenarioId}/solve`, headers: auth('countyOwn'), payload: {} })).statusCode).toBe(403);
    expect((await app.inject({ url: `/v1/scenarios/${city.scenarioId}`, headers: auth('countyOwn') })).statusCode).toBe(200);
  });

  it("a county key's version may not edit another county's village or remove its lawyer; its own are fine", async () => {
    const city = await storeSolved(store, tenancyScenario(['a1', 'b1']));
    const version = (key: KeyName, changes: unknown[]) =>
      app.inject({ method: 'POST', url: `/v1/scenarios/${city.scenarioId}/versions`, headers: auth(key), payload: { changes } });
    const res = await version('countyOwn', [
      { op: 'update-village', villageId: 'b1', set: { name: '改名村' } },
      { op: 'remove-lawyer', lawyerId: 'LA2' },
    ]);
    expect(res.statusCode).toBe(403);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'villages', value: 'b1' }),
      expect.objectContaining({ path: 'lawyers', value: 'LA2' }),
    ]);
    // moving one of its villages into the other county reaches beyond it too
    expect((await version('countyOwn', [{ op: 'update-village', villageId: 'a1', set: { townId: 'T2' } }])).statusCode).toBe(403);
    // the policy concerns every village of a city-wide scenario
    expect((await version('countyOwn', [{ op: 'set-policy', set: { maxTravelKm: 60 } }])).statusCode).toBe(403);
    const ok = await version('countyOwn', [
      { op: 'update-village', villageId: 'a1', set: { name: '新名村' } },
      { op: 'add-lawyer', lawyer: { id: 'LA9', name: '新律师', firmId: 'FA1', status: 'practicing', specialties: [] } },
    ]);
    expect(ok.statusCode).toBe(201);
    expect((await version('cityOwn', [{ op: 'set-policy', set: { maxTravelKm: 60 } }])).statusCode).toBe(201);
    expect((await store.listScenarios({ limit: 10 })).items).toHaveLength(3);
  });

  it('a county key stores only scenarios lying wholly in its county', async () => {
    const up = (key: KeyName, villages: Parameters<typeof tenancyScenario>[0]) => app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(key), payload: tenancyScenario(villages) });
    expect((await up('countyOwn', ['a1', 'b1'])).statusCode).toBe(403);
    expect((await up('countyOwn', ['b1'])).statusCode).toBe(403);
    expect((await up('countyOwn', ['a1'])).statusCode).toBe(201);
    expect((await up('cityOwn', ['a1', 'c1'])).statusCode).toBe(403);
    expect((await up('cityOwn', ['a1', 'b1'])).statusCode).toBe(201);
  });

  it("a county key's calendar covers its own villages, and another county's cards keep their visits", async () => {
    const city = await storeSolved(store, tenancyScenario(['a1', 'b1']));
    await publish(city.solutionId, 'cityOwn');
    const build = async (key: KeyName) => {
      const res = await app.inject({ method: 'POST', url: `/v1/solutions/${city.solutionId}/calendars`, headers: auth(key), payload: { year: 2027, months: ['2027-01'] } });
      expect(res.statusCode, res.body).toBe(202);
      return waitForJob(res.json().jobId, key);
    };
    const whole = await build('cityOwn');
    // the look-up takes a new calendar in just after its job ends: a reload begun now has it
    await app.directory.reload(store);
    const before = await card('b1');
    expect(before.nextVisits.length).toBeGreaterThan(0);
    const own = await build('countyOwn');
    const cal = (await app.inject({ url: `/v1/calendars/${own.calendarId}`, headers: auth('countyOwn') })).json();
    expect(cal.scope).toBeUndefined(); // the document itself; the record says the scope
    expect(new Set(cal.visits.map((v: { villageId: string }) => v.villageId))).toEqual(new Set(['a1']));
    const list = (await app.inject({ url: `/v1/solutions/${city.solutionId}/calendars`, headers: auth('cityOwn') })).json().items;
    expect(list.map((c: { id: string; scope: string }) => [c.id, c.scope])).toEqual([
      [own.calendarId, COUNTY],
      [whole.calendarId, CITY],
    ]);
    // once the county's calendar is in as well, b1 still shows the city's visits
    await app.directory.reload(store);
    expect(await card('b1')).toEqual(before);
  });

  it('jobs: a county key cannot cancel a city job; the city cancels a job its county submitted', async () => {
    const city = await storeSolved(store, tenancyScenario(['a1', 'b1']));
    const job = await store.insertJob({ id: 'J-city', kind: 'solve', scenarioId: city.scenarioId, params: {}, keyId: 'k-cityOwn', scope: `city:${CITY}` });
    expect((await app.inject({ method: 'DELETE', url: `/v1/jobs/${job.id}`, headers: auth('countyOwn') })).statusCode).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: `/v1/jobs/${job.id}`, headers: auth('countyFar') })).statusCode).toBe(404);
    const mine = await store.insertJob({ id: 'J-county', kind: 'replan', scenarioId: city.scenarioId, params: {}, keyId: 'k-countyOwn', scope: `county:${COUNTY}` });
    expect((await app.inject({ method: 'DELETE', url: `/v1/jobs/${mine.id}`, headers: auth('countyNeighbour') })).statusCode).toBe(403);
    // neither job is running here, so "cancel" answers the job as it is
    expect((await app.inject({ method: 'DELETE', url: `/v1/jobs/${mine.id}`, headers: auth('cityOwn') })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/v1/jobs/${mine.id}`, headers: auth('countyOwn') })).statusCode).toBe(200);
  });
});

describe('every route declares its rule', () => {
  it('building an app with a route that declares none fails', async () => {
    const { default: Fastify } = await import('fastify');
    const { accessPlugin } = await import('../../src/http/policy.js');
    const bare = Fastify();
    await bare.register(accessPlugin, { store });
    expect(() => bare.get('/v1/undeclared', async () => 'x')).toThrow(/GET \/v1\/undeclared declares no access rule/);
    bare.get('/v1/declared', { config: { access: { kind: 'public' } } }, async () => 'x');
    expect((await bare.inject('/v1/declared')).body).toBe('x');
    await bare.close();
  });
});

async function waitForJob(jobId: string, key: KeyName): Promise<Record<string, string>> {
  for (let i = 0; i < 1200; i++) {
    const job = (await app.inject({ url: `/v1/jobs/${jobId}`, headers: auth(key) })).json();
    if (!['queued', 'running'].includes(job.status)) {
      expect(job.status, JSON.stringify(job)).toBe('succeeded');
      return job;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}
